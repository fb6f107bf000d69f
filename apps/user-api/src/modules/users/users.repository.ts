import type { NewDomainEvent, Role } from "@sharehood/sdk";
import type { Db } from "../../db.ts";
import { retireEmailTokensIn } from "../account/email-tokens.repository.ts";
import type { EmailTokenKind, StoredEmailToken } from "../account/email-tokens.ts";
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
  createdAt: Date;
  updatedAt: Date;
}

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
     * Changes the sign-in details of an account (name, email, password) and does what `plan`
     * decides from the committed rows, in one transaction. The row is locked first, so the
     * "previous" address an event reports is the one this change replaced, even under concurrent
     * changes. A new address is unverified. Null when the user no longer exists; the revoked
     * sessions' live access hashes are answered for cache eviction after the commit.
     */
    changeAccount: (
      id: string,
      data: Partial<Pick<UserRecord, "email" | "name" | "passwordHash" | "role">>,
      plan: (change: AccountChange) => AccountChangePlan,
    ): Promise<{ user: UserRecord; revokedAccessHashes: string[] } | null> =>
      outbox.transaction(async (tx, writeEvents) => {
        const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM users WHERE id = ${id} FOR UPDATE`;
        const previous = locked.length === 1 ? await tx.user.findUnique({ where: { id } }) : null;
        if (!previous) return null;
        const emailChanges = data.email !== undefined && data.email !== previous.email;
        const user = await tx.user.update({
          where: { id },
          data: emailChanges ? { ...data, emailVerifiedAt: null } : data,
        });
        const effects = plan({ previous, user });
        if (effects.retireTokens?.length) await retireEmailTokensIn(tx, id, effects.retireTokens);
        if (effects.issueToken)
          await tx.emailToken.create({ data: { ...effects.issueToken, userId: id, email: user.email } });
        const revokedAccessHashes = effects.revokeSessions
          ? await revokeSessionsIn(tx, effects.revokeSessions)
          : [];
        await writeEvents(effects.events);
        return { user, revokedAccessHashes };
      }),

    /** Applies changes; null when the user no longer exists (deleted meanwhile). */
    update: (
      id: string,
      data: Partial<Pick<UserRecord, "email" | "name" | "passwordHash" | "role">>,
    ): Promise<UserRecord | null> =>
      db.user.update({ where: { id }, data }).catch((error: unknown) => {
        if ((error as { code?: unknown }).code === "P2025") return null;
        throw error;
      }),
    /**
     * Deletes the user with their events, in one transaction; sessions and tokens go with them
     * (ON DELETE CASCADE). Answers the hashes of the access tokens that were still alive (to evict
     * from caches), or null when there was no such user.
     */
    delete: (id: string, events: EventsOf<string>): Promise<string[] | null> =>
      outbox.transaction(async (tx, writeEvents) => {
        const live = await tx.token.findMany({
          where: { userId: id, kind: "access", expiresAt: { gt: new Date() } },
          select: { hash: true },
        });
        if ((await tx.user.deleteMany({ where: { id } })).count !== 1) return null;
        await writeEvents(events(id));
        return live.map((token) => token.hash);
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
