import type { Role } from "@sharehood/sdk";
import type { Db } from "../../db.ts";

/** A user row as the services see it. The password hash never leaves this module's services. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  createdAt: Date;
  updatedAt: Date;
}

export function createUsersRepository(db: Db) {
  return {
    findById: (id: string): Promise<UserRecord | null> => db.user.findUnique({ where: { id } }),
    findByEmail: (email: string): Promise<UserRecord | null> => db.user.findUnique({ where: { email } }),
    create: (data: { email: string; name: string; passwordHash: string; role?: Role }): Promise<UserRecord> =>
      db.user.create({ data }),
    /** Applies changes; null when the user no longer exists (deleted meanwhile). */
    update: (
      id: string,
      data: Partial<Pick<UserRecord, "email" | "name" | "passwordHash" | "role">>,
    ): Promise<UserRecord | null> =>
      db.user.update({ where: { id }, data }).catch((error: unknown) => {
        if ((error as { code?: unknown }).code === "P2025") return null;
        throw error;
      }),
    /** Deletes the user; sessions and tokens go with them (ON DELETE CASCADE). */
    delete: async (id: string): Promise<boolean> => (await db.user.deleteMany({ where: { id } })).count === 1,
    /** Newest first, keyset-paginated on (createdAt, id) so pages stay stable while users sign up. */
    list: (options: {
      q?: string;
      limit: number;
      after?: { createdAt: Date; id: string };
    }): Promise<UserRecord[]> =>
      db.user.findMany({
        where: {
          ...(options.q
            ? {
                OR: [
                  { name: { contains: options.q, mode: "insensitive" } },
                  { email: { contains: options.q, mode: "insensitive" } },
                ],
              }
            : {}),
          ...(options.after
            ? {
                AND: [
                  {
                    OR: [
                      { createdAt: { lt: options.after.createdAt } },
                      { createdAt: options.after.createdAt, id: { lt: options.after.id } },
                    ],
                  },
                ],
              }
            : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: options.limit,
      }),
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
