import type { Page, PublicUser, Role, User } from "@sharehood/sdk";
import type { DeleteMeBodySchema, ListUsersQuerySchema, UpdateMeBodySchema } from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import { z } from "zod";
import { isUniqueViolation } from "../../db.ts";
import type { Caller } from "../auth/caller.ts";
import type { PasswordAttempts } from "../auth/password-attempts.ts";
import { hashPassword, verifyPassword } from "../auth/passwords.ts";
import type { Revoke } from "../auth/revocations.ts";
import type { SessionsRepository } from "../auth/sessions.repository.ts";
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

  async function deleteAccount(id: string): Promise<void> {
    const tokenHashes = await sessions.revoke({ userId: id });
    if (!(await users.delete(id))) throw notFound("The user");
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
      const updated = await users.update(current.id, changes).catch((error: unknown) => {
        throw isUniqueViolation(error) ? emailTaken() : error;
      });
      if (!updated) throw notFound("The user"); // deleted while this request ran
      if (changes.passwordHash) {
        // A new password signs every other device out; this session stays.
        const tokenHashes = await sessions.revoke({ userId: current.id, exceptSessionId: caller.sessionId });
        await revoke({ userId: current.id, tokenHashes, reason: "password_changed" });
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
      await deleteAccount(caller.user.id);
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

    deleteUser: (id: string): Promise<void> => deleteAccount(id),

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
        await users
          .create({
            email: normalized,
            name: "Administrator",
            passwordHash: await hashPassword(password),
            role: "admin",
          })
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
      await users.update(existing.id, { role: "admin", passwordHash: await hashPassword(password) });
      const tokenHashes = await sessions.revoke({ userId: existing.id });
      await revoke({
        userId: existing.id,
        tokenHashes,
        reason: isAdmin ? "password_changed" : "role_changed",
      });
      return "updated";
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
