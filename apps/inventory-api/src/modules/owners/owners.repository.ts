import type { Db } from "../../db.ts";

/** Public names of users, learnt from validated tokens (see the Owner model). */
export function createOwnersRepository(db: Db) {
  return {
    /** Records a user's current name; true when it changed (public pages then need refreshing). */
    async remember(id: string, name: string): Promise<boolean> {
      const rows = await db.$queryRaw<{ changed: boolean }[]>`
        INSERT INTO owners (id, name, updated_at) VALUES (${id}, ${name}, now())
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
          WHERE owners.name IS DISTINCT FROM EXCLUDED.name
        RETURNING (xmax <> 0) AS changed`;
      return rows[0]?.changed ?? false;
    },
  };
}

export type OwnersRepository = ReturnType<typeof createOwnersRepository>;
