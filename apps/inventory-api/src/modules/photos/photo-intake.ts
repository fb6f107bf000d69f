import { MAX_PHOTO_PIXELS } from "@sharehood/sdk";
import type { RateLimiter } from "@sharehood/server-kit";
import { createImageIntake, type DecodeQueue, type ImageIntake } from "@sharehood/server-kit/images";
import { processPhoto, type ProcessedPhoto } from "./process-photo.ts";

/**
 * What happens to each uploaded photo before anything is stored (server-kit's image intake): it is
 * counted against its uploader's hourly allowance, its header is checked, and it is decoded in turn
 * into the display size and the thumbnail.
 */
export function createPhotoIntake(deps: {
  limiter: RateLimiter;
  uploadsPerHour: number;
  decodes: DecodeQueue;
}): PhotoIntake {
  return createImageIntake({ ...deps, kind: "photos", maxPixels: MAX_PHOTO_PIXELS, process: processPhoto });
}

export type PhotoIntake = ImageIntake<ProcessedPhoto>;
