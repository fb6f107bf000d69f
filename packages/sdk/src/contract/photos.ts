import { z } from "zod";
import { IdSchema } from "./common.ts";
import { MAX_PHOTOS_PER_ITEM } from "./limits.ts";

/** The largest photo file accepted, in bytes (8 MiB); a larger one is refused with 413. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;

/**
 * The most pixels a photo may have (25 million: a 24-megapixel camera's files, with the few rows
 * and columns such sensors add, fit). A larger image is refused with 413 from its header, before it
 * is decoded: decoding takes about 4 bytes per pixel, whatever the size of the file.
 */
export const MAX_PHOTO_PIXELS = 25_000_000;

/** The multipart/form-data field that carries the photo files of an upload. */
export const PHOTO_FIELD = "photo";

/** Route parameters `:id` (the item) and `:photoId` (one of its photos). */
export const PhotoParamsSchema = z.object({ id: IdSchema, photoId: IdSchema });

/** `PUT /items/:id/photos/order` body: every photo id of the item, once each, in the new order. */
export const ReorderPhotosBodySchema = z.strictObject({
  photoIds: z
    .array(IdSchema)
    .max(MAX_PHOTOS_PER_ITEM)
    .refine((ids) => new Set(ids).size === ids.length, "must not repeat a photo id"),
});
/** `PUT /items/:id/photos/order` body. */
export type ReorderPhotosBody = z.input<typeof ReorderPhotosBodySchema>;

/** The multipart/form-data field that carries an avatar upload (`PUT /users/me/avatar`). */
export const AVATAR_FIELD = "photo";
