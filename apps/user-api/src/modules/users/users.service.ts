import type { Page, PublicUser, Role, User } from "@sharehood/sdk";
import type { DeleteMeBodySchema, ListUsersQuerySchema, UpdateMeBodySchema } from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import { z } from "zod";
import { isUniqueViolation } from "../../db.ts";
import { newEmailToken } from "../account/email-tokens.ts";
import type { Caller } from "../auth/caller.ts";
import type { PasswordAttempts } from "../auth/password-attempts.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Revoke } from "../auth/revocations.ts";
import type { SessionsRepository } from "../auth/sessions.repository.ts";
import { accountEvents } from "../events/account-events.ts";
import { toPublicUserDto, toUserDto } from "./user-dto.ts";
import type { UsersRepository } from "./users.repository.ts";

const UserCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);
const emailTaken = () => conflict("An account with this email already exists");

export function createUsersService(deps: {
  users: UsersRepository;
  sessions: SessionsRepository;
  revoke: Revoke;
  passwordAttempts: PasswordAttempts;
}) {
  const { users, sessions, revoke, passwordAttempts } = deps;

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

  /** Deletes an account with its `user.deleted` event; `actorId` is who asked (the person or an admin). */
  async function deleteAccount(id: string, actorId: string): Promise<void> {
    const tokenHashes = await users.delete(id, (userId) => [accountEvents.deleted(userId, actorId)]);
    if (!tokenHashes) throw notFound("The user");
    await revoke({ userId: id, tokenHashes, reason: "user_deleted" });
  }

  return {
    getMe: async (caller: Caller): Promise<User> => toUserDto(await mustFind(caller.user.id)),

    async updateMe(
      caller: Caller,
      body: z.output<typeof UpdateMeBodySchema>,
      address: string,
    ): Promise<User> {
      const current = await mustFind(caller.user.id);
      const changes: { name?: string; email?: string; passwordHash?: string } = {};
      if (body.name !== undefined) changes.name = body.name;
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
              ...(user.name !== previous.name ? [accountEvents.renamed(user)] : []),
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
              ? { userId: user.id, exceptSessionId: caller.sessionId }
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
      return toUserDto(updated);
    },

    async deleteMe(
      caller: Caller,
      body: z.output<typeof DeleteMeBodySchema>,
      address: string,
    ): Promise<void> {
      await confirmPassword(await mustFind(caller.user.id), body.currentPassword, address);
      await deleteAccount(caller.user.id, caller.user.id);
    },

    getPublic: async (id: string): Promise<PublicUser> => toPublicUserDto(await mustFind(id)),

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
        items: page.map(toUserDto),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
      };
    },

    async updateRole(id: string, role: Role): Promise<User> {
      const user = await mustFind(id);
      const updated = user.role === role ? user : await users.update(id, { role });
      if (!updated) throw notFound("The user"); // deleted while this request ran
      // Tokens stay valid, but every cached answer carries the old permissions.
      await revoke({ userId: id, tokenHashes: await sessions.liveAccessHashes(id), reason: "role_changed" });
      return toUserDto(updated);
    },

    deleteUser: (id: string, admin: Caller): Promise<void> => deleteAccount(id, admin.user.id),

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
