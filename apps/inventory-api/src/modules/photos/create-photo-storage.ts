import { join } from "node:path";
import type { InventoryApiConfig } from "../../env.ts";
import { createDiskStorage } from "./disk-storage.ts";
import type { PhotoStorage } from "./photo-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

/** The configured photo storage: the S3-compatible bucket when `S3_BUCKET` is set, else local disk. */
export function createPhotoStorage(config: InventoryApiConfig): PhotoStorage & { close(): void } {
  if (config.S3_BUCKET) {
    return createS3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return { ...createDiskStorage(join(config.DATA_DIR, "photos")), close: () => undefined };
}
