import { randomUUID } from "node:crypto";
import type { User } from "@sharehood/sdk";
import { AppError, notFound, type Logger } from "@sharehood/server-kit";
import type { FileStorage, ImageIntake, ReceivedFile } from "@sharehood/server-kit/images";
import type { Caller } from "../auth/caller.ts";
import type { Revoke } from "../auth/revocations.ts";
import type { SessionsRepository } from "../auth/sessions.repository.ts";
import { accountEvents } from "../events/account-events.ts";
import type { UserDtos } from "../users/user-dto.ts";
import type { UsersRepository } from "../users/users.repository.ts";
import { avatarFile } from "./avatar-files.ts";
import type { RemoveAvatarFile } from "./avatar-storage.ts";

const storageDown = (cause: unknown) =>
  new AppError("dependency_unavailable", "Avatar storage is unavailable right now. Try again shortly.", {
    headers: { "retry-after": "5" },
    cause,
  });

/** Reads the upload's one file, handing it to `accept` as it arrives (see server-kit's receiveFiles). */
export type ReceiveAvatar = (
  accept: (file: ReceivedFile, signal: AbortSignal) => Promise<Buffer>,
) => Promise<Buffer[]>;

export function createAvatarsService(deps: {
  users: UsersRepository;
  sessions: SessionsRepository;
  revoke: Revoke;
  storage: FileStorage;
  removeFile: RemoveAvatarFile;
  intake: ImageIntake<Buffer>;
  dto: UserDtos;
  logger: Logger;
}) {
  const { users, sessions, revoke, storage, removeFile, intake, dto, logger } = deps;

  /**
   * Points the account at `avatarId` (or none), with `account.renamed` carrying the new URL so the
   * other services' copies of the person follow; then removes the file it replaced, and drops the
   * cached validations, which carry the avatar. Null when the account is gone.
   */
  async function setAvatar(userId: string, avatarId: string | null) {
    const result = await users.changeAccount(
      userId,
      (previous) => (previous.avatarId === avatarId ? {} : { avatarId }),
      ({ previous, user }) => ({
        events:
          previous.avatarId === user.avatarId
            ? []
            : [accountEvents.renamed(user, dto.avatarUrl(user.avatarId))],
      }),
    );
    if (!result) return null;
    const replaced = result.previous.avatarId;
    if (replaced !== result.user.avatarId) {
      if (replaced !== null) await removeFile(replaced);
      await revoke({
        userId,
        tokenHashes: await sessions.liveAccessHashes(userId),
        reason: "session_revoked",
      });
    }
    return result.user;
  }

  return {
    /**
     * Sets the caller's avatar: checks their hourly allowance and the decode line before reading
     * any of the body, then reads the one file (checked, decoded and cut to a square in turn). The
     * file is stored under a new id before the row points at it, and removed again if the row
     * cannot be written, so a refused upload leaves nothing behind.
     */
    async upload(caller: Caller, receive: ReceiveAvatar): Promise<User> {
      await intake.admit(caller.user.id);
      const [square] = await receive((file, signal) => intake.accept(caller.user.id, file, signal));
      if (!square) throw new AppError("validation_failed", "Attach an image file");
      const avatarId = randomUUID();
      await storage.put(avatarFile(avatarId), square, "image/webp").catch(async (error: unknown) => {
        logger.error({ err: error }, "avatar storage write failed");
        await removeFile(avatarId);
        throw storageDown(error);
      });
      const user = await setAvatar(caller.user.id, avatarId).catch(async (error: unknown) => {
        await removeFile(avatarId);
        throw error;
      });
      if (!user) {
        await removeFile(avatarId);
        throw notFound("The user"); // deleted while the upload ran
      }
      return dto.user(user);
    },

    /** Removes the caller's avatar (nothing to do when they have none). */
    async remove(caller: Caller): Promise<void> {
      if (!(await setAvatar(caller.user.id, null))) throw notFound("The user");
    },

    /** An avatar's file, or null. Storage trouble is a 503, not a 404. */
    async file(avatarId: string): Promise<Buffer | null> {
      try {
        return await storage.get(avatarFile(avatarId));
      } catch (error) {
        logger.error({ err: error }, "avatar storage read failed");
        throw storageDown(error);
      }
    },
  };
}

export type AvatarsService = ReturnType<typeof createAvatarsService>;
