import { AppError, type RateLimiter, type RateLimitRule } from "@sharehood/server-kit";

/** Messages one person may send a minute, and threads they may open an hour (issue 15). */
export const MESSAGES_PER_MINUTE = 30;
export const NEW_THREADS_PER_HOUR = 10;

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

const messages = (userId: string): RateLimitRule => ({
  key: `messages:${userId}`,
  max: MESSAGES_PER_MINUTE,
  windowMs: MINUTE_MS,
});
const newThreads = (userId: string): RateLimitRule => ({
  key: `new-threads:${userId}`,
  max: NEW_THREADS_PER_HOUR,
  windowMs: HOUR_MS,
});

/**
 * The per-person limits on messages, on the shared rate-limit store (server-kit's RateLimiter). A
 * message is counted before it is written, so parallel sends cannot all slip under the limit; a
 * refused one (429, with Retry-After) stores nothing.
 */
export function createMessageLimits(limiter: RateLimiter) {
  async function consume(rules: RateLimitRule[], what: string): Promise<void> {
    await limiter.consume(rules).catch((error: unknown) => {
      if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
      throw new AppError(
        "rate_limited",
        `You can ${what}. Try again in ${error.headers["retry-after"]} seconds.`,
        { headers: error.headers },
      );
    });
  }

  const message = (userId: string) =>
    consume([messages(userId)], `send ${MESSAGES_PER_MINUTE} messages a minute`);
  const releaseNewThread = (userId: string) => limiter.release([newThreads(userId)]);

  return {
    /** Counts one message. */
    message,
    /** Counts one message that opens a new thread: the thread first, then the message. */
    async messageInNewThread(userId: string): Promise<void> {
      await consume([newThreads(userId)], `open ${NEW_THREADS_PER_HOUR} new conversations an hour`);
      await message(userId).catch(async (error: unknown) => {
        await releaseNewThread(userId);
        throw error;
      });
    },
    /** Takes back the new-thread hit of a question that turned out to continue a thread after all. */
    releaseNewThread,
  };
}

export type MessageLimits = ReturnType<typeof createMessageLimits>;
