import type { Page, PublicUser, Role, User } from "@sharehood/sdk";
import type { ListUsersQuerySchema, UpdateMeBodySchema } from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import { z } from "zod";
import { isUniqueViolation } from "../../db.ts";
import type { Caller } from "../auth/caller.ts";
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
}) {
  const { users, sessions, revoke } = deps;

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

    async updateMe(caller: Caller, body: z.output<typeof UpdateMeBodySchema>): Promise<User> {
      const current = await mustFind(caller.user.id);
      const changes: { name?: string; email?: string; passwordHash?: string } = {};
      if (body.name !== undefined) changes.name = body.name;
      if (body.email !== undefined && body.email !== current.email) changes.email = body.email;
      if (body.password !== undefined) {
        if (!(await verifyPassword(current.passwordHash, body.currentPassword ?? ""))) {
          throw new AppError("validation_failed", "The current password is incorrect", {
            errors: [{ path: "body.currentPassword", message: "is incorrect" }],
          });
        }
        changes.passwordHash = await hashPassword(body.password);
      }
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

    deleteMe: (caller: Caller): Promise<void> => deleteAccount(caller.user.id),

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

    /** Makes sure the configured admin exists with that password and the admin role. */
    async ensureAdmin(email: string, password: string): Promise<"created" | "updated"> {
      const normalized = email.trim().toLowerCase();
      const passwordHash = await hashPassword(password);
      const existing = await users.findByEmail(normalized);
      if (existing) {
        await users.update(existing.id, { role: "admin", passwordHash });
        await revoke({
          userId: existing.id,
          tokenHashes: await sessions.liveAccessHashes(existing.id),
          reason: "role_changed",
        });
        return "updated";
      }
      await users
        .create({ email: normalized, name: "Administrator", passwordHash, role: "admin" })
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error; // another replica created it at the same moment
        });
      return "created";
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
