import type { Db } from "../../db.ts";

/** The name a deleted account is shown under, wherever its name appeared. */
export const FORMER_MEMBER = "Former member";

/** Public names of users, learnt from validated tokens (see the Owner model). */
export function createOwnersRepository(db: Db) {
  return {
    /**
     * Records a user's current name and avatar; true when either changed (public pages then need
     * refreshing). An answer without `avatarUrl` (an older User API) leaves the stored one alone.
     */
    async remember(id: string, name: string, avatarUrl?: string | null): Promise<boolean> {
      const knowsAvatar = avatarUrl !== undefined;
      const avatar = avatarUrl ?? null;
      const rows = await db.$queryRaw<{ changed: boolean }[]>`
        INSERT INTO owners (id, name, avatar_url, updated_at) VALUES (${id}, ${name}, ${avatar}, now())
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, updated_at = now(),
          avatar_url = CASE WHEN ${knowsAvatar} THEN EXCLUDED.avatar_url ELSE owners.avatar_url END
          WHERE owners.name IS DISTINCT FROM EXCLUDED.name
            OR (${knowsAvatar} AND owners.avatar_url IS DISTINCT FROM EXCLUDED.avatar_url)
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
        ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, avatar_url = NULL, updated_at = now(),
          deleted_at = coalesce(owners.deleted_at, now())`;
    },

    /**
     * Marks an account suspended (or no longer): their items leave every public read while it is.
     * Someone never seen here has no row and nothing to hide, so none is made. True when it changed.
     */
    async setSuspended(id: string, suspended: boolean): Promise<boolean> {
      const count = suspended
        ? await db.$executeRaw`
            UPDATE owners SET suspended_at = now(), updated_at = now() WHERE id = ${id} AND suspended_at IS NULL`
        : await db.$executeRaw`
            UPDATE owners SET suspended_at = NULL, updated_at = now() WHERE id = ${id} AND suspended_at IS NOT NULL`;
      return count > 0;
    },

    /** A person as this service knows them (null if never seen). */
    async find(id: string): Promise<{ name: string; gone: boolean } | null> {
      const rows = await db.$queryRaw<{ name: string; gone: boolean }[]>`
        SELECT name, (deleted_at IS NOT NULL) AS gone FROM owners WHERE id = ${id}`;
      return rows[0] ?? null;
    },
  };
}

export type OwnersRepository = ReturnType<typeof createOwnersRepository>;
