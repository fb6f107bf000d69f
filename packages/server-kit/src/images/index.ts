// The safe image pipeline both the Inventory API (item photos) and the User API (avatars) use:
// multipart parsing with limits, recognition by content, a bounded decode queue, re-encoding with
// orientation applied and metadata stripped, and disk or S3 storage. A subpath of its own
// (`@sharehood/server-kit/images`), so services without uploads never load sharp or the AWS SDK.
export { createDecodeQueue, type DecodeQueue } from "./decode-queue.ts";
export { createDiskStorage } from "./disk-storage.ts";
export { assertStorageKey, type FileStorage } from "./file-storage.ts";
export { createFileStorage } from "./create-file-storage.ts";
export { createImageIntake, type ImageIntake } from "./image-intake.ts";
export { sniffImageFormat, type ImageFormat } from "./image-type.ts";
export { receiveFiles, type ReceivedFile, type ReceiveOptions } from "./multipart.ts";
export {
  readImageHeader,
  reencodeImage,
  type EncodedImage,
  type ImageHeader,
  type ImageVariant,
} from "./reencode.ts";
export { createS3Storage, type S3StorageOptions } from "./s3-storage.ts";
export { sendImmutableImage } from "./send-image.ts";
