import type { NewDomainEvent, Role } from "@sharehood/sdk";
import type { Db } from "../../db.ts";
import { retireEmailTokensIn } from "../account/email-tokens.repository.ts";
import type { EmailTokenKind, StoredEmailToken } from "../account/email-tokens.ts";
import { liveAccessTokenHashes, revokeAccessTokensIn } from "../access-tokens/access-tokens.repository.ts";
import { revokeSessionsIn, type RevokeWhere } from "../auth/sessions.repository.ts";
import type { EventsOf } from "../events/account-events.ts";
import { createOutbox, type Outbox } from "../events/outbox.ts";

/** A user row as the services see it. The password hash never leaves this module's services. */
export interface UserRecord {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  emailVerifiedAt: Date | null;
  bio: string | null;
  neighbourhood: string | null;
  avatarId: string | null;
  suspendedAt: Date | null;
  suspendedReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** The columns a change to an account may set. */
export type AccountData = Partial<
  Pick<
    UserRecord,
    | "email"
    | "name"
    | "passwordHash"
    | "role"
    | "bio"
    | "neighbourhood"
    | "avatarId"
    | "suspendedAt"
    | "suspendedReason"
  >
>;

/** A change to an account as it was committed: the row before (locked) and after. */
export interface AccountChange {
  previous: UserRecord;
  user: UserRecord;
}

/**
 * What else a change to an account does, decided from the committed rows and written in the same
 * transaction, so no event exists for a change that rolled back and none is lost for one that did
 * not: its events, a link to mail, older links made moot, sessions to end.
 */
export interface AccountChangePlan {
  events: NewDomainEvent[];
  issueToken?: StoredEmailToken;
  retireTokens?: EmailTokenKind[];
  revokeSessions?: RevokeWhere;
  /**
   * Revoke every personal access token too (a suspension). A new password leaves them alone: they
   * are credentials the person made on purpose and can revoke one by one (as GitHub does).
   */
  revokeAccessTokens?: boolean;
}

/** What a new account writes besides its row: its events, and a link to mail when there is one. */
export interface NewAccountEffects {
  events: EventsOf<UserRecord>;
  issueToken?: StoredEmailToken;
}

/** `outbox` wakes the service's relay after each change; scripts leave the events for the service. */
export function createUsersRepository(db: Db, outbox: Outbox = createOutbox(db)) {
  return {
    findById: (id: string): Promise<UserRecord | null> => db.user.findUnique({ where: { id } }),
    findByEmail: (email: string): Promise<UserRecord | null> => db.user.findUnique({ where: { email } }),
    /** Creates the account, with its events (and its verification link) in the same transaction. */
    create: (
      data: { email: string; name: string; passwordHash: string; role?: Role; emailVerifiedAt?: Date },
      effects: NewAccountEffects,
    ): Promise<UserRecord> =>
      outbox.transaction(async (tx, writeEvents) => {
        const user = await tx.user.create({ data });
        if (effects.issueToken)
          await tx.emailToken.create({ data: { ...effects.issueToken, userId: user.id, email: user.email } });
        await writeEvents(effects.events(user));
        return user;
      }),

    /**
     * Changes an account (sign-in details, profile, avatar, suspension, role) and does what `plan`
     * decides from the committed rows, in one transaction. The row is locked first, so the
     * "previous" values an event reports are the ones this change replaced, even under concurrent
     * changes; `data` may be worked out from them (nothing to set: the row is left as it was). A
     * new address is unverified. Null when the user no longer exists; the revoked sessions' live
     * access hashes are answered for cache eviction after the commit.
     */
    changeAccount: (
      id: string,
      data: AccountData | ((previous: UserRecord) => AccountData),
      plan: (change: AccountChange) => AccountChangePlan,
    ): Promise<(AccountChange & { revokedAccessHashes: string[] }) | null> =>
      outbox.transaction(async (tx, writeEvents) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${id} FOR UPDATE`;
        const previous = locked.length === 1 ? await tx.user.findUnique({ where: { id } }) : null;
        if (!previous) return null;
        const changes = typeof data === "function" ? data(previous) : data;
        const emailChanges = changes.email !== undefined && changes.email !== previous.email;
        const user =
          Object.keys(changes).length === 0
            ? previous
            : await tx.user.update({
                where: { id },
                data: emailChanges ? { ...changes, emailVerifiedAt: null } : changes,
              });
        const effects = plan({ previous, user });
        if (effects.retireTokens?.length) await retireEmailTokensIn(tx, id, effects.retireTokens);
        if (effects.issueToken)
          await tx.emailToken.create({ data: { ...effects.issueToken, userId: id, email: user.email } });
        const revokedAccessHashes = [
          ...(effects.revokeSessions ? await revokeSessionsIn(tx, effects.revokeSessions) : []),
          ...(effects.revokeAccessTokens ? await revokeAccessTokensIn(tx, id) : []),
        ];
        await writeEvents(effects.events);
        return { previous, user, revokedAccessHashes };
      }),

    /**
     * Deletes the user with their events (built from the row as it was), in one transaction;
     * sessions and tokens go with them (ON DELETE CASCADE). Answers the row and the hashes of the
     * access tokens that were still alive (to evict from caches), or null when there was no such user.
     */
    delete: (
      id: string,
      events: EventsOf<UserRecord>,
    ): Promise<{ user: UserRecord; tokenHashes: string[] } | null> =>
      outbox.transaction(async (tx, writeEvents) => {
        const user = await tx.user.findUnique({ where: { id } });
        if (!user) return null;
        const live = await tx.token.findMany({
          where: { userId: id, kind: "access", expiresAt: { gt: new Date() } },
          select: { hash: true },
        });
        const personal = await liveAccessTokenHashes(tx, id);
        // Deleted meanwhile by another request: that one wrote the events.
        if ((await tx.user.deleteMany({ where: { id } })).count !== 1) return null;
        await writeEvents(events(user));
        return { user, tokenHashes: [...live.map((token) => token.hash), ...personal] };
      }),
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
