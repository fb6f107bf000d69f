import { AppError } from "../app-error.ts";

/** Runs image decoding a few at a time, with a bounded line of images waiting for a turn. */
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

// About how long one image takes to decode and re-encode here (a 25-megapixel one, on one core),
// to tell a refused client when the line it found full will have moved on.
const SECONDS_PER_IMAGE = 1;

/**
 * Decoding an image takes up to about 4 bytes per pixel (100 MB at 25 megapixels) and a core, and
 * uploads arrive in bursts: unbounded, a burst exhausts memory. `concurrency` images decode at
 * once, per process; more wait in arrival order, holding only their file bytes (a few MiB each). A
 * new upload is refused with 503 and Retry-After, before its body is read, once `maxWaiting`
 * images wait: its client can come back shortly, where a longer line would only grow memory and
 * latency without bound. The files of uploads already admitted may still join, up to one upload's
 * worth more (`filesPerUpload`), so that a burst does not fail every upload half-way through; past
 * that a file is refused too, failing its upload, and the line never exceeds that bound.
 */
export function createDecodeQueue(options: {
  concurrency: number;
  maxWaiting: number;
  /** The most files one upload may carry (8 photos of an item, 1 avatar). */
  filesPerUpload: number;
}): DecodeQueue {
  const { concurrency, maxWaiting } = options;
  const hardLimit = maxWaiting + options.filesPerUpload;
  const waiting: (() => void)[] = [];
  let active = 0;
  const retryAfter = String(
    Math.max(1, Math.ceil(((maxWaiting + concurrency) / concurrency) * SECONDS_PER_IMAGE)),
  );

  const busy = () =>
    new AppError(
      "dependency_unavailable",
      `Too many images are being processed right now. Try again in ${retryAfter} seconds.`,
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
