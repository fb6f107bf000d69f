import { createFileStorage, type FileStorage } from "@sharehood/server-kit/images";
import type { InventoryApiConfig } from "../../env.ts";

/** The configured photo storage: the S3-compatible bucket when `S3_BUCKET` is set, else `<DATA_DIR>/photos`. */
export function createPhotoStorage(config: InventoryApiConfig): FileStorage & { close(): void } {
  // Photos keep the bucket's root to themselves (keys `<photo key>/<variant>.webp`), as before.
  return createFileStorage(config, { folder: "photos" });
}
