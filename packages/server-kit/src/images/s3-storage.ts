import {
  DeleteObjectCommand,
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from "@aws-sdk/client-s3";
import { assertStorageKey, type FileStorage } from "./file-storage.ts";

/** How to reach an S3-compatible bucket (AWS S3, MinIO, Ceph, R2, ...). */
export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** A non-AWS endpoint, such as `http://minio:9000`; AWS's own when absent. */
  endpoint?: string;
  /** `http://host/bucket/key` instead of `http://bucket.host/key` (most self-hosted stores need it). */
  forcePathStyle: boolean;
  /** Static keys; without them the AWS default chain is used (env, profile, instance role). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /**
   * Put before every key (`avatars/`), so two kinds of files can share a bucket; keys are checked
   * before it is added. None by default: item photos sit at the bucket's root.
   */
  keyPrefix?: string;
  /** Tests only: replaces the HTTP handler. */
  requestHandler?: S3ClientConfig["requestHandler"];
}

const isMissing = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === "NoSuchKey" || e.name === "NotFound" || e.$metadata?.httpStatusCode === 404;
};

/** Files in an S3-compatible bucket, so every replica sees the same files. */
export function createS3Storage(options: S3StorageOptions): FileStorage & { close(): void } {
  const { bucket } = options;
  const prefix = options.keyPrefix ?? "";
  const objectKey = (key: string) => {
    assertStorageKey(key);
    return `${prefix}${key}`;
  };
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle,
    credentials: options.credentials,
    maxAttempts: 3,
    // Checksums only where an operation requires them: the SDK's newer default (a CRC32 trailer on
    // every upload) is refused by some S3-compatible stores.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: options.requestHandler ?? { connectionTimeout: 3_000, requestTimeout: 20_000 },
  });
  return {
    description: `s3 bucket ${bucket}${prefix ? ` under ${prefix}` : ""}${options.endpoint ? ` at ${options.endpoint}` : ""}`,
    async put(key, body, contentType) {
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: body,
          ContentType: contentType,
          // Keys never change content, so a CDN in front of the bucket may cache them for good.
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },
    close: () => client.destroy(),
  };
}
