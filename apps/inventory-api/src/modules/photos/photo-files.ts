import type { Logger } from "@sharehood/server-kit";
import type { FileStorage } from "@sharehood/server-kit/images";
import type { PhotoUrls } from "../items/item-dto.ts";

/** The files stored for each photo, under `<key>/<variant>.webp`. */
export const PHOTO_VARIANTS = ["display", "thumb"] as const;
export type PhotoVariant = (typeof PHOTO_VARIANTS)[number];

export const fileKey = (key: string, variant: PhotoVariant) => `${key}/${variant}.webp`;

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

export function createRemovePhotoFiles(storage: FileStorage, logger: Logger): RemovePhotoFiles {
  return async (keys) => {
    const files = keys.flatMap((key) => PHOTO_VARIANTS.map((variant) => fileKey(key, variant)));
    const results = await Promise.allSettled(files.map((file) => storage.delete(file)));
    const failed = files.filter((_, i) => results[i]?.status === "rejected");
    if (failed.length > 0)
      logger.warn({ files: failed }, "could not remove photo files; they are orphans now");
  };
}
