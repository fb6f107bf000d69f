import { AppError } from "../app-error.ts";
import type { RateLimiter, RateLimitRule } from "../rate-limit.ts";
import type { DecodeQueue } from "./decode-queue.ts";
import type { ReceivedFile } from "./multipart.ts";
import { readImageHeader, type ImageHeader } from "./reencode.ts";

const HOUR_MS = 60 * 60 * 1000;

/**
 * What happens to each uploaded image before anything is stored: it is counted against its
 * uploader's hourly allowance, its header is checked (no decoding), and it is decoded in turn by
 * `process` (in a slot of the decode queue).
 */
export function createImageIntake<T>(deps: {
  limiter: RateLimiter;
  /** Names the hourly allowance in rate-limit keys and messages: "photos", "avatars". */
  kind: string;
  uploadsPerHour: number;
  maxPixels: number;
  decodes: DecodeQueue;
  process: (input: Buffer, label: string, header: ImageHeader) => Promise<T>;
}) {
  const { limiter, kind, uploadsPerHour, maxPixels, decodes } = deps;
  // Every file received counts, accepted or not: refused files (bombs, corrupt ones) cost work too.
  const hourly = (userId: string): RateLimitRule[] => [
    { key: `${kind}-uploads:${userId}`, max: uploadsPerHour, windowMs: HOUR_MS },
  ];

  /** The limiter's 429, with its Retry-After, saying what the limit is. */
  async function withinAllowance(counting: Promise<void>): Promise<void> {
    await counting.catch((error: unknown) => {
      if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
      throw new AppError(
        "rate_limited",
        `You can upload ${uploadsPerHour} ${kind} an hour. Try again in ${error.headers["retry-after"]} seconds.`,
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
    async accept(userId: string, file: ReceivedFile, signal: AbortSignal): Promise<T> {
      await withinAllowance(limiter.consume(hourly(userId)));
      const header = await readImageHeader(file.bytes, file.label, maxPixels);
      return decodes.run(() => deps.process(file.bytes, file.label, header), signal);
    },
  };
}

/** An image intake: `admit` before reading the body, `accept` for each file. */
export type ImageIntake<T> = ReturnType<typeof createImageIntake<T>>;
