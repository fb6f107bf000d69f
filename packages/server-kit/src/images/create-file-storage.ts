import { join } from "node:path";
import { createDiskStorage } from "./disk-storage.ts";
import type { FileStorageConfig } from "./file-storage-env.ts";
import type { FileStorage } from "./file-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

/**
 * The configured storage for one kind of file: `<DATA_DIR>/<folder>` on disk, or the bucket with
 * keys under `<keyPrefix>` (none for item photos, which have the bucket's root to themselves).
 */
export function createFileStorage(
  config: FileStorageConfig,
  place: { folder: string; keyPrefix?: string },
): FileStorage & { close(): void } {
  if (config.S3_BUCKET) {
    return createS3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE,
      keyPrefix: place.keyPrefix,
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return { ...createDiskStorage(join(config.DATA_DIR, place.folder)), close: () => undefined };
}
