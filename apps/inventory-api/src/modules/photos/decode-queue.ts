import { MAX_PHOTOS_PER_ITEM } from "@sharehood/sdk";
import { createDecodeQueue as createImageDecodeQueue, type DecodeQueue } from "@sharehood/server-kit/images";

/**
 * The photo decode queue (server-kit's): uploads already under way may add up to one item's worth
 * of photos past the line's length, so that a burst does not fail uploads half-way through.
 */
export function createDecodeQueue(options: { concurrency: number; maxWaiting: number }): DecodeQueue {
  return createImageDecodeQueue({ ...options, filesPerUpload: MAX_PHOTOS_PER_ITEM });
}
