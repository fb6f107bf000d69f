import { MAX_PHOTOS_PER_ITEM } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";

/** Runs photo decoding a few at a time, with a bounded line of photos waiting for a turn. */
export interface DecodeQueue {
  /** Refuses a new upload (503, Retry-After) while every slot is busy and the line is full. */
  admit(): void;
  /**
   * Runs `task` once a slot is free. Refuses at once with 503 (and Retry-After) when even the
   * headroom of uploads under way is used up; a wait ends, rejected, when `signal` aborts (the
   * upload failed or its client went away).
   */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
}

// About how long one photo takes to decode and re-encode here (a 25-megapixel one, on one core),
// to tell a refused client when the line it found full will have moved on.
const SECONDS_PER_PHOTO = 1;

/**
 * Decoding a photo takes up to about 4 bytes per pixel (100 MB at the pixel limit) and a core, and
 * uploads arrive in bursts: unbounded, a burst exhausts memory. `concurrency` photos decode at
 * once, per process; more wait in arrival order, holding only their file bytes (8 MiB at most
 * each). A new upload is refused with 503 and Retry-After, before its body is read, once
 * `maxWaiting` photos wait: its client can come back shortly, where a longer line would only grow
 * memory and latency without bound. The files of uploads already admitted may still join, up to
 * one upload's worth more, so that a burst does not fail every upload half-way through; past
 * that a file is refused too, failing its upload, and the line never exceeds that bound.
 */
export function createDecodeQueue(options: { concurrency: number; maxWaiting: number }): DecodeQueue {
  const { concurrency, maxWaiting } = options;
  const hardLimit = maxWaiting + MAX_PHOTOS_PER_ITEM;
  const waiting: (() => void)[] = [];
  let active = 0;
  const retryAfter = String(
    Math.max(1, Math.ceil(((maxWaiting + concurrency) / concurrency) * SECONDS_PER_PHOTO)),
  );

  const busy = () =>
    new AppError(
      "dependency_unavailable",
      `Too many photos are being processed right now. Try again in ${retryAfter} seconds.`,
      { headers: { "retry-after": retryAfter } },
    );

  /** A turn for the next in line, or one slot fewer in use. */
  function release() {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  }

  function turn(signal: AbortSignal | undefined): Promise<void> {
    if (active < concurrency) {
      active += 1;
      return Promise.resolve();
    }
    if (waiting.length >= hardLimit) return Promise.reject(busy());
    return new Promise<void>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener("abort", leave);
        resolve();
      };
      const leave = () => {
        const at = waiting.indexOf(start);
        if (at !== -1) waiting.splice(at, 1);
        reject(signal?.reason instanceof Error ? signal.reason : new Error("The upload was abandoned"));
      };
      signal?.addEventListener("abort", leave, { once: true });
      waiting.push(start);
    });
  }

  return {
    admit() {
      if (active >= concurrency && waiting.length >= maxWaiting) throw busy();
    },

    async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      signal?.throwIfAborted();
      await turn(signal);
      try {
        return await task();
      } finally {
        release();
      }
    },
  };
}
