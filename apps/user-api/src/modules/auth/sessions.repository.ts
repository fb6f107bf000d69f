import type { Db, Tx } from "../../db.ts";
import { liveAccessTokenHashes } from "../access-tokens/access-tokens.repository.ts";
import { OWNER_FIELDS, type UserFields } from "../users/user-dto.ts";

/** Which sessions to revoke: one, or every one of a user (but the caller's own, say). */
export type RevokeWhere = { sessionId: string } | { userId: string; exceptSessionId?: string };

export interface IssuedTokens {
  accessHash: string;
  accessExpiresAt: Date;
  refreshHash: string;
  refreshExpiresAt: Date;
}

/** A stored token with its session and owner, as looked up by its hash. */
export interface TokenRecord {
  hash: string;
  kind: "access" | "refresh";
  expiresAt: Date;
  usedAt: Date | null;
  sessionId: string;
  session: { createdAt: Date; revokedAt: Date | null; expiresAt: Date };
  user: UserFields;
}

function tokenRows(userId: string, tokens: IssuedTokens) {
  return [
    { hash: tokens.accessHash, kind: "access" as const, userId, expiresAt: tokens.accessExpiresAt },
    { hash: tokens.refreshHash, kind: "refresh" as const, userId, expiresAt: tokens.refreshExpiresAt },
  ];
}

export function createSessionsRepository(db: Db) {
  return {
    async createSession(userId: string, tokens: IssuedTokens): Promise<string> {
      const session = await db.session.create({
        data: { userId, expiresAt: tokens.refreshExpiresAt, tokens: { create: tokenRows(userId, tokens) } },
        select: { id: true },
      });
      return session.id;
    },

    findToken: (hash: string): Promise<TokenRecord | null> =>
      db.token
        .findUnique({
          where: { hash },
          select: {
            hash: true,
            kind: true,
            expiresAt: true,
            usedAt: true,
            sessionId: true,
            session: {
              select: {
                createdAt: true,
                revokedAt: true,
                expiresAt: true,
                user: { select: OWNER_FIELDS },
              },
            },
          },
        })
        .then((row) => (row ? { ...row, user: row.session.user } : null)),

    /**
     * Marks a refresh token used and stores the next pair, atomically. False when another request
     * rotated it first (which the caller treats as reuse).
     */
    rotate: (
      oldRefreshHash: string,
      sessionId: string,
      userId: string,
      tokens: IssuedTokens,
    ): Promise<boolean> =>
      db.$transaction(async (tx) => {
        const { count } = await tx.token.updateMany({
          where: { hash: oldRefreshHash, usedAt: null },
          data: { usedAt: new Date() },
        });
        if (count !== 1) return false;
        await tx.token.createMany({ data: tokenRows(userId, tokens).map((row) => ({ ...row, sessionId })) });
        return true;
      }),

    /** Adds a token pair to a live session without rotating anything (a reuse within the grace). */
    addTokens: async (sessionId: string, userId: string, tokens: IssuedTokens): Promise<void> => {
      await db.token.createMany({ data: tokenRows(userId, tokens).map((row) => ({ ...row, sessionId })) });
    },

    /** Revokes sessions and answers the hashes of their access tokens still alive (to evict from caches). */
    revoke: (where: RevokeWhere): Promise<string[]> => db.$transaction((tx) => revokeSessionsIn(tx, where)),

    /**
     * Hashes of a user's access tokens that have not expired, personal access tokens included:
     * what to evict from every cache when a change to the account makes cached answers stale.
     */
    liveAccessHashes: async (userId: string): Promise<string[]> => [
      ...(await liveAccessHashes(db, { userId })),
      ...(await liveAccessTokenHashes(db, userId)),
    ],

    /**
     * Deletes what can no longer sign anyone in: tokens that expired before `before`, sessions
     * revoked before it (with their tokens), and sessions left with no token at all. Sessions
     * slide with each refresh, so a session's own expires_at is not the test. (A session is never
     * seen without tokens while it is being created: its tokens are inserted in the same
     * transaction.) A purged token that is presented gets the same 401 as before.
     */
    purgeExpired: (before: Date) =>
      db.$transaction(async (tx) => {
        const tokens = await tx.token.deleteMany({ where: { expiresAt: { lt: before } } });
        const sessions = await tx.session.deleteMany({
          where: { OR: [{ revokedAt: { lt: before } }, { tokens: { none: {} } }] },
        });
        return { tokens: tokens.count, sessions: sessions.count };
      }),
  };
}

/**
 * Revokes sessions inside a transaction and answers the hashes of their access tokens still alive
 * (to evict from caches once it commits). Other changes that end sessions (a password reset) run
 * it in their own transaction, so the change and the revocation commit together.
 */
export async function revokeSessionsIn(tx: Tx, where: RevokeWhere): Promise<string[]> {
  const filter =
    "sessionId" in where
      ? { id: where.sessionId }
      : { userId: where.userId, ...(where.exceptSessionId ? { id: { not: where.exceptSessionId } } : {}) };
  await tx.session.updateMany({ where: { ...filter, revokedAt: null }, data: { revokedAt: new Date() } });
  return liveAccessHashes(tx, { session: filter });
}

async function liveAccessHashes(
  db: Pick<Db, "token">,
  where: { userId?: string; session?: object },
): Promise<string[]> {
  const rows = await db.token.findMany({
    where: { ...where, kind: "access", expiresAt: { gt: new Date() } },
    select: { hash: true },
  });
  return rows.map((row) => row.hash);
}

export type SessionsRepository = ReturnType<typeof createSessionsRepository>;
