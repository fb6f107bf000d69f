import type { Db } from "../../db.ts";

/** The name a deleted account is shown under, wherever its name appeared. */
export const FORMER_MEMBER = "Former member";

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

    /**
     * Forgets a deleted account's name: it shows as a former member from now on (threads with them
     * stay readable). The row is kept, or made, so the mark holds even for someone never seen here.
     */
    async forget(id: string): Promise<void> {
      await db.$executeRaw`
        INSERT INTO owners (id, name, updated_at, deleted_at) VALUES (${id}, ${FORMER_MEMBER}, now(), now())
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now(),
          deleted_at = coalesce(owners.deleted_at, now())`;
    },
  };
}

export type OwnersRepository = ReturnType<typeof createOwnersRepository>;
