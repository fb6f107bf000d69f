import type { Category } from "@sharehood/sdk";
import type { Db } from "../../db.ts";

export function createCategoriesRepository(db: Db) {
  return {
    list: (): Promise<Category[]> =>
      db.category.findMany({
        orderBy: { sortOrder: "asc" },
        select: { id: true, name: true, description: true },
      }),
    exists: async (id: string): Promise<boolean> => (await db.category.count({ where: { id } })) === 1,
  };
}

export type CategoriesRepository = ReturnType<typeof createCategoriesRepository>;
