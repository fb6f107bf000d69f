import type { User } from "@sharehood/sdk";
import type { AdminReasonBodySchema, SuspendUserBodySchema } from "@sharehood/sdk/contract";
import { conflict, notFound } from "@sharehood/server-kit";
import type { z } from "zod";
import type { Caller } from "../auth/caller.ts";
import type { Revoke } from "../auth/revocations.ts";
import { accountEvents, auditRecorded, type AuditActor } from "../events/account-events.ts";
import type { UserDtos } from "./user-dto.ts";
import type { UsersRepository } from "./users.repository.ts";

const actorOf = (admin: Caller): AuditActor => ({ id: admin.user.id, name: admin.user.name });

/**
 * Suspending an account and lifting it (admins). Each is one transaction: the row, the sessions it
 * ends, its public event and its audit entry; the revocation is announced once it has committed.
 * A repeat (suspending a suspended account, lifting a lifted one) changes and records nothing and
 * answers the account as it is, but announces again, so a service that missed it catches up.
 */
export function createSuspensionsService(deps: { users: UsersRepository; revoke: Revoke; dto: UserDtos }) {
  const { users, revoke, dto } = deps;

  return {
    /**
     * Sign-in is refused from now on, and every session of the account ends at once: the other
     * services drop its tokens (and hide its items) on the `user_suspended` revocation.
     */
    async suspend(admin: Caller, id: string, body: z.output<typeof SuspendUserBodySchema>): Promise<User> {
      // An admin who locks themselves out may leave nobody to lift it.
      if (id === admin.user.id) throw conflict("You cannot suspend your own account");
      const suspendedAt = new Date();
      const result = await users.changeAccount(
        id,
        (previous) => (previous.suspendedAt ? {} : { suspendedAt, suspendedReason: body.reason }),
        ({ previous, user }) =>
          previous.suspendedAt
            ? { events: [] }
            : {
                events: [
                  accountEvents.suspended(user.id, admin.user.id),
                  auditRecorded("user.suspended", {
                    actor: actorOf(admin),
                    subject: user,
                    reason: body.reason,
                    details: body.reportId ? { reportId: body.reportId } : {},
                  }),
                ],
                revokeSessions: { userId: user.id },
                revokeAccessTokens: true,
              },
      );
      if (!result) throw notFound("The user");
      await revoke({ userId: id, tokenHashes: result.revokedAccessHashes, reason: "user_suspended" });
      return dto.user(result.user);
    },

    /** The person may sign in again (their old sessions stay ended) and their items show again. */
    async unsuspend(admin: Caller, id: string, body: z.output<typeof AdminReasonBodySchema>): Promise<User> {
      const result = await users.changeAccount(
        id,
        (previous) => (previous.suspendedAt ? { suspendedAt: null, suspendedReason: null } : {}),
        ({ previous, user }) => ({
          events: previous.suspendedAt
            ? [
                auditRecorded("user.unsuspended", {
                  actor: actorOf(admin),
                  subject: user,
                  reason: body?.reason,
                }),
              ]
            : [],
        }),
      );
      if (!result) throw notFound("The user");
      await revoke({ userId: id, tokenHashes: [], reason: "user_unsuspended" });
      return dto.user(result.user);
    },
  };
}

export type SuspensionsService = ReturnType<typeof createSuspensionsService>;
