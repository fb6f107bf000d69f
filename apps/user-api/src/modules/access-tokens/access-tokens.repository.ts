import type { Db, Tx } from "../../db.ts";
import { OWNER_FIELDS, type UserFields } from "../users/user-dto.ts";

/** A personal access token row as its owner's list shows it (never its hash). */
export interface AccessTokenRecord {
  id: string;
  name: string;
  scopes: string[];
  prefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedFrom: string | null;
}

/** A token as validation looks it up by its hash: with its owner as they are now. */
export interface AccessTokenLookup {
  id: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  user: UserFields;
}

const LISTED = {
  id: true,
  name: true,
  scopes: true,
  prefix: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  lastUsedFrom: true,
} as const;

/** Live: not revoked, and not expired. */
const live = (now = new Date()) => ({
  revokedAt: null,
  OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
});

export function createAccessTokensRepository(db: Db) {
  return {
    /** The owner's unrevoked tokens (expired ones too, until purged), newest first. */
    list: (userId: string): Promise<AccessTokenRecord[]> =>
      db.personalAccessToken.findMany({
        where: { userId, revokedAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: LISTED,
      }),

    /**
     * Creates a token unless the owner already holds `max` live ones. The owner's row is locked
     * first, so two concurrent creations cannot both squeeze under the limit. Null at the limit;
     * undefined when the owner no longer exists.
     */
    create: (
      data: {
        userId: string;
        name: string;
        scopes: string[];
        hash: string;
        prefix: string;
        expiresAt: Date | null;
      },
      max: number,
    ): Promise<AccessTokenRecord | null | undefined> =>
      db.$transaction(async (tx) => {
        const owner = await tx.$queryRaw<
          { id: string }[]
        >`SELECT id FROM users WHERE id = ${data.userId} FOR UPDATE`;
        if (owner.length === 0) return undefined;
        if ((await tx.personalAccessToken.count({ where: { userId: data.userId, ...live() } })) >= max)
          return null;
        return tx.personalAccessToken.create({ data, select: LISTED });
      }),

    /** Revokes one of the owner's tokens; answers its hash (to evict), or null if there is none to revoke. */
    async revoke(userId: string, id: string): Promise<string | null> {
      const row = await db.personalAccessToken.findFirst({
        where: { id, userId, revokedAt: null },
        select: { hash: true },
      });
      if (!row) return null;
      const { count } = await db.personalAccessToken.updateMany({
        where: { id, userId, revokedAt: null },
        data: { revokedAt: new Date() },
      });
      return count === 1 ? row.hash : null;
    },

    findByHash: (hash: string): Promise<AccessTokenLookup | null> =>
      db.personalAccessToken.findUnique({
        where: { hash },
        select: { id: true, scopes: true, expiresAt: true, revokedAt: true, user: { select: OWNER_FIELDS } },
      }),

    /**
     * Records a use unless one was recorded within `throttleMs` (by this or another replica): the
     * condition is in the UPDATE, so replicas racing write once.
     */
    async recordUse(id: string, from: string | null, throttleMs: number): Promise<void> {
      const now = new Date();
      await db.personalAccessToken.updateMany({
        where: {
          id,
          OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - throttleMs) } }],
        },
        data: { lastUsedAt: now, lastUsedFrom: from },
      });
    },

    /** Deletes tokens revoked or expired before `before`. */
    purgeExpired: async (before: Date): Promise<number> =>
      (
        await db.personalAccessToken.deleteMany({
          where: { OR: [{ revokedAt: { lt: before } }, { expiresAt: { lt: before } }] },
        })
      ).count,
  };
}

/** Hashes of a user's live personal access tokens: what to evict from caches when the owner changes. */
export async function liveAccessTokenHashes(
  db: Pick<Db, "personalAccessToken">,
  userId: string,
): Promise<string[]> {
  const rows = await db.personalAccessToken.findMany({
    where: { userId, ...live() },
    select: { hash: true },
  });
  return rows.map((row) => row.hash);
}

/**
 * Revokes every live token of a user inside a transaction (a suspension) and answers their hashes,
 * to evict from caches once it commits.
 */
export async function revokeAccessTokensIn(tx: Tx, userId: string): Promise<string[]> {
  const hashes = await liveAccessTokenHashes(tx, userId);
  if (hashes.length > 0)
    await tx.personalAccessToken.updateMany({
      where: { hash: { in: hashes } },
      data: { revokedAt: new Date() },
    });
  return hashes;
}

export type AccessTokensRepository = ReturnType<typeof createAccessTokensRepository>;
