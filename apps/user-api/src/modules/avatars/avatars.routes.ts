import { Router, type Request } from "express";
import { AVATAR_FIELD, MAX_AVATAR_BYTES } from "@sharehood/sdk";
import { userRoutes } from "@sharehood/sdk/contract";
import { AppError, notFound } from "@sharehood/server-kit";
import { receiveFiles, sendImmutableImage } from "@sharehood/server-kit/images";
import type { Mount } from "../auth/mount.ts";
import { AVATAR_FILE } from "./avatar-files.ts";
import type { AvatarsService } from "./avatars.service.ts";

// `/users/me/avatar`, from the contract, for the JSON guard's multipart opt-in.
const UPLOAD_PATH = new RegExp(`^${userRoutes.uploadAvatar.path}/?$`, "i");

/** Whether a request is an avatar upload, the one route that reads a multipart/form-data body itself. */
export const isAvatarUpload = (req: Request): boolean =>
  req.method === userRoutes.uploadAvatar.method && UPLOAD_PATH.test(req.path);

const oneFile = () =>
  new AppError("validation_failed", `Send one image file in the "${AVATAR_FIELD}" field`, {
    errors: [{ path: AVATAR_FIELD, message: "must be a single file" }],
  });

export function avatarsRouter(mount: Mount, avatars: AvatarsService): Router {
  const router = Router();
  mount(router, userRoutes.uploadAvatar, ({ caller, req }) =>
    avatars.upload(caller, (accept) =>
      receiveFiles(req, {
        field: AVATAR_FIELD,
        maxFiles: 1,
        maxFileBytes: MAX_AVATAR_BYTES,
        tooManyFiles: oneFile,
        onFile: accept,
      }),
    ),
  );
  mount(router, userRoutes.deleteAvatar, ({ caller }) => avatars.remove(caller));

  // Public avatar files. Not a contract route: the answer is image bytes, and profiles link here.
  // An avatar's file never changes (a new upload gets a new id), so it may be kept for a year.
  router.get("/avatars/:file", async (req, res) => {
    const avatarId = AVATAR_FILE.exec(req.params.file)?.[1];
    if (!avatarId) throw notFound("The avatar");
    const bytes = await avatars.file(avatarId);
    if (!bytes) throw notFound("The avatar");
    sendImmutableImage(req, res, bytes);
  });
  return router;
}
