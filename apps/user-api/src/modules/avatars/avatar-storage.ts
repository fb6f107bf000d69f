import type { Logger } from "@sharehood/server-kit";
import { createFileStorage, type FileStorage } from "@sharehood/server-kit/images";
import type { UserApiConfig } from "../../env.ts";
import { avatarFile } from "./avatar-files.ts";

/**
 * Where avatar files live: the S3 bucket the Inventory API keeps photos in, under `avatars/`, when
 * S3_BUCKET is set (replicas share it); else `<DATA_DIR>/avatars` on this machine's disk.
 */
export function createAvatarStorage(config: UserApiConfig): FileStorage & { close(): void } {
  return createFileStorage(config, { folder: "avatars", keyPrefix: "avatars/" });
}

/** Removes an avatar's file. Called once its row no longer names it, so a failure only leaves an orphan (logged). */
export type RemoveAvatarFile = (avatarId: string) => Promise<void>;

export function createRemoveAvatarFile(storage: FileStorage, logger: Logger): RemoveAvatarFile {
  return async (avatarId) => {
    await storage.delete(avatarFile(avatarId)).catch((error: unknown) => {
      logger.warn({ err: error, avatarId }, "could not remove an avatar file; it is an orphan now");
    });
  };
}
