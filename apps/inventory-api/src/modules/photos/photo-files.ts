import { randomBytes } from "node:crypto";
import type { Logger } from "@sharehood/server-kit";
import type { PhotoUrls } from "../items/item-dto.ts";
import type { PhotoStorage } from "./photo-storage.ts";

/** The files stored for each photo, under `<key>/<variant>.webp`. */
export const PHOTO_VARIANTS = ["display", "thumb"] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export const fileKey = (key: string, variant: PhotoVariant) => `${key}/${variant}.webp`;

/**
 * A new photo id: a UUIDv7 (time-ordered, like the ids the database makes). The photo's storage key
 * is its id, so a new photo always gets new URLs and cached copies never go stale.
 */
export function newPhotoId(): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = (bytes[6]! & 0x0f) | 0x70;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Absolute URLs of a photo's files, so pages on another origin (the web app) can show them. */
export function photoUrlsAt(publicUrl: string): PhotoUrls {
  const base = publicUrl.replace(/\/+$/, "");
  return (key) => ({
    url: `${base}/photos/${fileKey(key, "display")}`,
    thumbnailUrl: `${base}/photos/${fileKey(key, "thumb")}`,
  });
}

/** Removes photos' files. Called after the rows are gone, so a failure only leaves orphans (logged). */
export type RemovePhotoFiles = (keys: readonly string[]) => Promise<void>;

export function createRemovePhotoFiles(storage: PhotoStorage, logger: Logger): RemovePhotoFiles {
  return async (keys) => {
    const files = keys.flatMap((key) => PHOTO_VARIANTS.map((variant) => fileKey(key, variant)));
    const results = await Promise.allSettled(files.map((file) => storage.delete(file)));
    const failed = files.filter((_, i) => results[i]?.status === "rejected");
    if (failed.length > 0)
      logger.warn({ files: failed }, "could not remove photo files; they are orphans now");
  };
}
