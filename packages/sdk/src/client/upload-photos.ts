import type { Item } from "../contract/inventory.ts";
import { inventoryRoutes } from "../contract/inventory-routes.ts";
import { AVATAR_FIELD, PHOTO_FIELD } from "../contract/photos.ts";
import { userRoutes } from "../contract/user-routes.ts";
import type { User } from "../contract/users.ts";
import { callRouteWithForm, type RequestOptions, type Transport } from "./call-route.ts";

/** What `client.items.uploadPhotos` takes: the item and the image files (`File`s, or any `Blob`s). */
export interface UploadPhotosInput {
  params: { id: string };
  /** JPEG, PNG or WebP images; in Node wrap bytes as `new Blob([buffer])`. */
  files: readonly Blob[];
}

// A File keeps its name; a bare Blob gets one, since multipart file parts need a filename.
const nameOf = (file: Blob, index: number): string =>
  "name" in file && typeof file.name === "string" && file.name !== "" ? file.name : `photo-${index + 1}`;

/**
 * Uploads photos to an item as multipart/form-data (one `photo` part per file) and answers the item
 * with its photos, parsed with the contract. Works wherever `fetch`, `FormData` and `Blob` are global
 * (browsers, Node 20+). Refusals throw `SharehoodApiError` (409 photo limit, 413 too large, 415 not an image).
 */
export function uploadPhotos(
  transport: Transport,
  input: UploadPhotosInput,
  options?: RequestOptions,
): Promise<Item> {
  const form = new FormData();
  input.files.forEach((file, index) => form.append(PHOTO_FIELD, file, nameOf(file, index)));
  return callRouteWithForm(transport, inventoryRoutes.uploadPhotos, { params: input.params, form }, options);
}

/** What `client.users.uploadAvatar` takes: one image file (a `File`, or any `Blob`). */
export interface UploadAvatarInput {
  file: Blob;
}

/**
 * Sets the caller's avatar (multipart/form-data, one `photo` part) and answers their profile.
 * Refusals throw `SharehoodApiError` (413 too large, 415 not an image, 400 corrupt).
 */
export function uploadAvatar(
  transport: Transport,
  input: UploadAvatarInput,
  options?: RequestOptions,
): Promise<User> {
  const form = new FormData();
  form.append(AVATAR_FIELD, input.file, nameOf(input.file, 0));
  return callRouteWithForm(transport, userRoutes.uploadAvatar, { form }, options);
}
