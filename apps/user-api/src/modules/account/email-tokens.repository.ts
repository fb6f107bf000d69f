import type { NewDomainEvent } from "@sharehood/sdk";
import type { Db, Tx } from "../../db.ts";
import { revokeSessionsIn } from "../auth/sessions.repository.ts";
import type { EventsOf } from "../events/account-events.ts";
import type { Outbox } from "../events/outbox.ts";
import type { UserRecord } from "../users/users.repository.ts";
import type { EmailTokenKind, StoredEmailToken } from "./email-tokens.ts";

/**
 * Marks a user's unused links of these kinds used: a change made them moot (a new address, a new
 * password), and a link mailed before it must not undo it.
 */
export async function retireEmailTokensIn(tx: Tx, userId: string, kinds: EmailTokenKind[]): Promise<void> {
  await tx.emailToken.updateMany({
    where: { userId, kind: { in: kinds }, usedAt: null },
    data: { usedAt: new Date() },
  });
}

/**
 * Uses a link's token once. The conditional update is the claim: of two requests racing with the
 * same token, the second re-reads the row after the first commits, finds `used_at` set and claims
 * nothing. Answers whose token it was, or null for an unknown, used, expired or other-kind token.
 */
async function claimIn(tx: Tx, hash: string, kind: EmailTokenKind) {
  const now = new Date();
  const { count } = await tx.emailToken.updateMany({
    where: { hash, kind, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count !== 1) return null;
  return tx.emailToken.findUniqueOrThrow({ where: { hash }, select: { userId: true, email: true } });
}

export function createEmailTokensRepository(db: Db, outbox: Outbox) {
  return {
    /** True when the token could still be used now (a cheap check before costly work; the claim decides). */
    async isUsable(hash: string, kind: EmailTokenKind): Promise<boolean> {
      const token = await db.emailToken.findUnique({ where: { hash } });
      return (
        !!token && token.kind === kind && token.usedAt === null && token.expiresAt.getTime() > Date.now()
      );
    },

    /**
     * Stores a link for the account with this address and writes its events, in one transaction.
     * False when no account has the address (nothing is written).
     */
    issueForEmail: (email: string, token: StoredEmailToken, events: EventsOf<UserRecord>): Promise<boolean> =>
      outbox.transaction(async (tx, writeEvents) => {
        const user = await tx.user.findUnique({ where: { email } });
        if (!user) return false;
        await tx.emailToken.create({ data: { ...token, userId: user.id, email: user.email } });
        await writeEvents(events(user));
        return true;
      }),

    /**
     * Stores a verification link for the account's current address and writes its events, unless
     * the address is verified already.
     */
    issueVerification: (
      userId: string,
      token: StoredEmailToken,
      events: EventsOf<UserRecord>,
    ): Promise<"issued" | "verified" | "missing"> =>
      outbox.transaction(async (tx, writeEvents) => {
        const user = await tx.user.findUnique({ where: { id: userId } });
        if (!user) return "missing";
        if (user.emailVerifiedAt) return "verified";
        await tx.emailToken.create({ data: { ...token, userId, email: user.email } });
        await writeEvents(events(user));
        return "issued";
      }),

    /**
     * Uses a verification token and marks the address it was sent to verified. False for a bad
     * token, or when the account's address is no longer the one the link was mailed to.
     */
    verifyEmail: (hash: string): Promise<boolean> =>
      db.$transaction(async (tx) => {
        const token = await claimIn(tx, hash, "verify_email");
        if (!token) return false;
        const { count } = await tx.user.updateMany({
          where: { id: token.userId, email: token.email },
          data: { emailVerifiedAt: new Date() },
        });
        return count === 1;
      }),

    /**
     * Uses a reset token: sets the new password, makes the account's other reset links moot, ends
     * every session and writes the events, in one transaction. Null for a bad token; otherwise the
     * account and the hashes of the access tokens that were still alive (to evict from caches).
     */
    resetPassword: (
      hash: string,
      passwordHash: string,
      events: (user: UserRecord) => NewDomainEvent[],
    ): Promise<{ user: UserRecord; revokedAccessHashes: string[] } | null> =>
      outbox.transaction(async (tx, writeEvents) => {
        const token = await claimIn(tx, hash, "password_reset");
        if (!token) return null;
        const user = await tx.user.update({ where: { id: token.userId }, data: { passwordHash } });
        await retireEmailTokensIn(tx, user.id, ["password_reset"]);
        const revokedAccessHashes = await revokeSessionsIn(tx, { userId: user.id });
        await writeEvents(events(user));
        return { user, revokedAccessHashes };
      }),

    /** Deletes links that expired before `before` (used or not): they can open nothing any more. */
    purgeExpired: async (before: Date): Promise<number> =>
      (await db.emailToken.deleteMany({ where: { expiresAt: { lt: before } } })).count,
  };
}

export type EmailTokensRepository = ReturnType<typeof createEmailTokensRepository>;
