import { Router, type Request } from "express";
import { MAX_PHOTO_BYTES, PHOTO_FIELD } from "@sharehood/sdk";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import { notFound } from "@sharehood/server-kit";
import { receiveFiles, sendImmutableImage } from "@sharehood/server-kit/images";
import type { Mount } from "../auth/mount.ts";
import { PHOTO_VARIANTS } from "./photo-files.ts";
import type { PhotosService } from "./photos.service.ts";

// `/items/:id/photos` as a pattern, from the contract, for the JSON guard's multipart opt-in.
const UPLOAD_PATH = new RegExp(
  `^${inventoryRoutes.uploadPhotos.path.replace(/:[A-Za-z]+/g, "[^/]+")}/?$`,
  "i",
);

/** Whether a request is a photo upload, the one route that reads a multipart/form-data body itself. */
export const isPhotoUpload = (req: Request): boolean =>
  req.method === inventoryRoutes.uploadPhotos.method && UPLOAD_PATH.test(req.path);

const KEY = /^[A-Za-z0-9-]{1,64}$/;
const FILES = new Set(PHOTO_VARIANTS.map((variant) => `${variant}.webp`));

export function photosRouter(mount: Mount, photos: PhotosService): Router {
  const router = Router();
  mount(router, inventoryRoutes.uploadPhotos, ({ caller, params, req }) =>
    photos.upload(caller, params.id, req.get("if-match"), (room, full, accept) =>
      receiveFiles(req, {
        field: PHOTO_FIELD,
        maxFiles: room,
        maxFileBytes: MAX_PHOTO_BYTES,
        tooManyFiles: full,
        onFile: accept,
      }),
    ),
  );
  mount(router, inventoryRoutes.deletePhoto, ({ caller, params, req }) =>
    photos.remove(caller, params.id, params.photoId, req.get("if-match")),
  );
  mount(router, inventoryRoutes.reorderPhotos, ({ caller, params, body, req }) =>
    photos.reorder(caller, params.id, body.photoIds, req.get("if-match")),
  );

  // Public photo files. Not a contract route: the answer is image bytes, and item DTOs link here.
  // A key's content never changes (a new photo gets a new key), so browsers may keep it for a year.
  router.get("/photos/:key/:file", async (req, res) => {
    const { key, file } = req.params;
    if (!KEY.test(key) || !FILES.has(file)) throw notFound("The photo");
    const bytes = await photos.file(`${key}/${file}`);
    if (!bytes) throw notFound("The photo");
    sendImmutableImage(req, res, bytes);
  });
  return router;
}
