import type { Page, PublicUser, User } from "@sharehood/sdk";
import type {
  AdminReasonBodySchema,
  DeleteMeBodySchema,
  ListUsersQuerySchema,
  UpdateMeBodySchema,
  UpdateRoleBodySchema,
} from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import { z } from "zod";
import { isUniqueViolation } from "../../db.ts";
import { newEmailToken } from "../account/email-tokens.ts";
import type { Caller } from "../auth/caller.ts";
import type { PasswordAttempts } from "../auth/password-attempts.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Revoke } from "../auth/revocations.ts";
import type { SessionsRepository } from "../auth/sessions.repository.ts";
import type { RemoveAvatarFile } from "../avatars/avatar-storage.ts";
import { accountEvents, auditRecorded, type AuditActor } from "../events/account-events.ts";
import type { UserDtos } from "./user-dto.ts";
import type { AccountData, UsersRepository } from "./users.repository.ts";

const UserCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);
/** The admin as the audit log names them: their name as their token carries it now. */
const actorOf = (admin: Caller): AuditActor => ({ id: admin.user.id, name: admin.user.name });
const emailTaken = () => conflict("An account with this email already exists");

export function createUsersService(deps: {
  users: UsersRepository;
  sessions: SessionsRepository;
  revoke: Revoke;
  passwordAttempts: PasswordAttempts;
  dto: UserDtos;
  removeAvatarFile: RemoveAvatarFile;
}) {
  const { users, sessions, revoke, passwordAttempts, dto, removeAvatarFile } = deps;

  /** Checks the current password under the sign-in limits; a wrong one is a field error. */
  async function confirmPassword(
    user: { email: string; passwordHash: string },
    given: string,
    address: string,
  ) {
    const ok = await passwordAttempts({ email: user.email, address }, async () =>
      (await verifyPassword(user.passwordHash, given)) ? true : null,
    );
    if (!ok)
      throw new AppError("validation_failed", "The current password is incorrect", {
        errors: [{ path: "body.currentPassword", message: "is incorrect" }],
      });
  }

  async function mustFind(id: string) {
    const user = await users.findById(id);
    if (!user) throw notFound("The user");
    return user;
  }

  /**
   * Deletes an account with its `user.deleted` event: asked by the person themselves, or by an
   * admin (`audit`), whose action goes to the audit log in the same transaction.
   */
  async function deleteAccount(
    id: string,
    actorId: string,
    audit?: { actor: AuditActor; reason: string | null },
  ): Promise<void> {
    const deleted = await users.delete(id, (user) => [
      accountEvents.deleted(user.id, actorId),
      ...(audit ? [auditRecorded("user.deleted", { ...audit, subject: user })] : []),
    ]);
    if (!deleted) throw notFound("The user");
    await revoke({ userId: id, tokenHashes: deleted.tokenHashes, reason: "user_deleted" });
    if (deleted.user.avatarId) await removeAvatarFile(deleted.user.avatarId);
  }

  return {
    getMe: async (caller: Caller): Promise<User> => dto.user(await mustFind(caller.user.id)),

    async updateMe(
      caller: Caller,
      body: z.output<typeof UpdateMeBodySchema>,
      address: string,
    ): Promise<User> {
      // Sign-in details are the account itself: a personal access token (profile:write) may change
      // the profile, never the address or password that would hand the account over.
      if (
        (body.email !== undefined || body.password !== undefined) &&
        !caller.permissions.includes("account.manage")
      )
        throw forbidden(
          "Changing the email address or the password needs a signed-in session, not a personal access token",
        );
      const current = await mustFind(caller.user.id);
      const changes: AccountData = {};
      if (body.name !== undefined) changes.name = body.name;
      // An empty text (or null) clears it: the contract has turned it into null already.
      if (body.bio !== undefined) changes.bio = body.bio;
      if (body.neighbourhood !== undefined) changes.neighbourhood = body.neighbourhood;
      if (body.email !== undefined && body.email !== current.email) changes.email = body.email;
      // The contract asks for the current password with a new email or password: a stolen
      // session must not be enough to take the account over.
      if (body.currentPassword !== undefined) await confirmPassword(current, body.currentPassword, address);
      if (body.password !== undefined) changes.passwordHash = await hashPassword(body.password);
      const passwordChanges = changes.passwordHash !== undefined;
      const verification = newEmailToken("verify_email");
      const result = await users
        .changeAccount(current.id, changes, ({ previous, user }) => {
          const emailChanged = user.email !== previous.email;
          return {
            events: [
              // The event carries the previous address, so the Notification API can warn it.
              ...(emailChanged
                ? [
                    accountEvents.emailChanged(user, previous.email),
                    accountEvents.verificationRequested(user, verification.link),
                  ]
                : []),
              ...(passwordChanges ? [accountEvents.passwordChanged(user)] : []),
              ...(user.name !== previous.name
                ? [accountEvents.renamed(user, dto.avatarUrl(user.avatarId))]
                : []),
            ],
            // A new address is unverified until its own link is followed; links mailed to the old
            // one (verification, reset) and reset links from before a new password are moot.
            issueToken: emailChanged ? verification.stored : undefined,
            retireTokens: emailChanged
              ? ["verify_email", "password_reset"]
              : passwordChanges
                ? ["password_reset"]
                : [],
            // A new password signs every other device out; this session stays.
            revokeSessions: passwordChanges
              ? { userId: user.id, exceptSessionId: caller.sessionId ?? undefined }
              : undefined,
          };
        })
        .catch((error: unknown) => {
          throw isUniqueViolation(error) ? emailTaken() : error;
        });
      if (!result) throw notFound("The user"); // deleted while this request ran
      const { user: updated, revokedAccessHashes } = result;
      if (passwordChanges) {
        await revoke({ userId: current.id, tokenHashes: revokedAccessHashes, reason: "password_changed" });
      } else if (changes.email || changes.name) {
        // Cached validations carry the name and email: drop them so services see the new ones.
        await revoke({
          userId: current.id,
          tokenHashes: await sessions.liveAccessHashes(current.id),
          reason: "session_revoked",
        });
      }
      return dto.user(updated);
    },

    async deleteMe(
      caller: Caller,
      body: z.output<typeof DeleteMeBodySchema>,
      address: string,
    ): Promise<void> {
      await confirmPassword(await mustFind(caller.user.id), body.currentPassword, address);
      await deleteAccount(caller.user.id, caller.user.id);
    },

    getPublic: async (id: string): Promise<PublicUser> => dto.publicUser(await mustFind(id)),

    async list(query: z.output<typeof ListUsersQuerySchema>): Promise<Page<User>> {
      let after: { createdAt: Date; id: string } | undefined;
      if (query.cursor) {
        const [createdAt, id] = decodeCursor(query.cursor, UserCursorSchema);
        after = { createdAt: new Date(createdAt), id };
      }
      const rows = await users.list({ q: query.q || undefined, limit: query.limit + 1, after });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(dto.user),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    /** An admin changes a role; a change (not a repeat of the same role) goes to the audit log. */
    async updateRole(admin: Caller, id: string, body: z.output<typeof UpdateRoleBodySchema>): Promise<User> {
      const { role } = body;
      const result = await users.changeAccount(
        id,
        (previous) => (previous.role === role ? {} : { role }),
        ({ previous, user }) => ({
          events:
            previous.role === user.role
              ? []
              : [
                  auditRecorded("user.role_changed", {
                    actor: actorOf(admin),
                    subject: user,
                    reason: body.reason,
                    details: { from: previous.role, to: user.role },
                  }),
                ],
        }),
      );
      if (!result) throw notFound("The user");
      // Tokens stay valid, but every cached answer carries the old permissions.
      await revoke({ userId: id, tokenHashes: await sessions.liveAccessHashes(id), reason: "role_changed" });
      return dto.user(result.user);
    },

    deleteUser: (admin: Caller, id: string, body: z.output<typeof AdminReasonBodySchema>): Promise<void> =>
      deleteAccount(id, admin.user.id, { actor: actorOf(admin), reason: body?.reason ?? null }),

    /**
     * Makes sure the configured admin exists with that password and the admin role. An account
     * that signed itself up is promoted only when `promoteExisting` says so: otherwise whoever
     * registered the address before the operator configured it would become admin. When the
     * operator changes an account's role or password, every session of it ends.
     */
    async ensureAdmin(
      email: string,
      password: string,
      options: { promoteExisting: boolean },
    ): Promise<"created" | "updated" | "unchanged"> {
      const normalized = email.trim().toLowerCase();
      const existing = await users.findByEmail(normalized);
      if (!existing) {
        // The operator vouches for the address: no link to follow.
        await users
          .create(
            {
              email: normalized,
              name: "Administrator",
              passwordHash: await hashPassword(password),
              role: "admin",
              emailVerifiedAt: new Date(),
            },
            { events: (user) => [accountEvents.registered(user, null)] },
          )
          .catch((error: unknown) => {
            if (!isUniqueViolation(error)) throw error; // another replica created it at the same moment
          });
        return "created";
      }
      const isAdmin = existing.role === "admin";
      if (!isAdmin && !options.promoteExisting) {
        throw new Error(
          `ADMIN_EMAIL ${normalized} belongs to an account that signed itself up; refusing to make it admin. ` +
            "Choose another address, or set ADMIN_PROMOTE_EXISTING=true to promote it (its sessions end).",
        );
      }
      if (isAdmin && (await verifyPassword(existing.passwordHash, password))) return "unchanged";
      const passwordHash = await hashPassword(password);
      const changed = await users.changeAccount(existing.id, { role: "admin", passwordHash }, ({ user }) => ({
        // No actor: the operator set it, not the person.
        events: [accountEvents.passwordChanged(user, null)],
        retireTokens: ["password_reset"],
        revokeSessions: { userId: user.id },
      }));
      await revoke({
        userId: existing.id,
        tokenHashes: changed?.revokedAccessHashes ?? [],
        reason: isAdmin ? "password_changed" : "role_changed",
      });
      return "updated";
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
