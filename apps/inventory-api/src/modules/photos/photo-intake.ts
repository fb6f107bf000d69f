import { AppError, type RateLimiter, type RateLimitRule } from "@sharehood/server-kit";
import type { DecodeQueue } from "./decode-queue.ts";
import type { ReceivedFile } from "./multipart.ts";
import { processPhoto, readPhotoHeader, type ProcessedPhoto } from "./process-photo.ts";

const HOUR_MS = 60 * 60 * 1000;

/**
 * What happens to each uploaded file before anything is stored: it is counted against its
 * uploader's hourly allowance, its header is checked (no decoding), and it is decoded in turn.
 */
export function createPhotoIntake(deps: {
  limiter: RateLimiter;
  uploadsPerHour: number;
  decodes: DecodeQueue;
}) {
  const { limiter, uploadsPerHour, decodes } = deps;
  // Every file received counts, accepted or not: refused files (bombs, corrupt ones) cost work too.
  const hourly = (userId: string): RateLimitRule[] => [
    { key: `photo-uploads:${userId}`, max: uploadsPerHour, windowMs: HOUR_MS },
  ];

  /** The limiter's 429, with its Retry-After, saying what the limit is. */
  async function withinAllowance(counting: Promise<void>): Promise<void> {
    await counting.catch((error: unknown) => {
      if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
      throw new AppError(
        "rate_limited",
        `You can upload ${uploadsPerHour} photos an hour. Try again in ${error.headers["retry-after"]} seconds.`,
        { headers: error.headers },
      );
    });
  }

  return {
    /**
     * Before any byte is read: refuses (429) a user with no uploads left this hour, counting
     * nothing, and (503) any upload while the decode line is full.
     */
    async admit(userId: string): Promise<void> {
      await withinAllowance(limiter.check(hourly(userId)));
      decodes.admit();
    },

    /** Counts, checks and decodes one file; `signal` drops it from the decode line if the upload fails. */
    async accept(userId: string, file: ReceivedFile, signal: AbortSignal): Promise<ProcessedPhoto> {
      await withinAllowance(limiter.consume(hourly(userId)));
      const header = await readPhotoHeader(file.bytes, file.label);
      return decodes.run(() => processPhoto(file.bytes, file.label, header), signal);
    },
  };
}

export type PhotoIntake = ReturnType<typeof createPhotoIntake>;
