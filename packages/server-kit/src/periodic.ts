import type { Logger } from "./logger.ts";

/**
 * Runs `task` now and then every `intervalMs` for periodic upkeep, on every replica (so the task
 * must be safe to run concurrently: single idempotent statements are). A failure is logged and the
 * next round tries again; the timer never keeps the process alive. Answers a function that stops it.
 */
export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  task: () => Promise<void>;
  logger: Logger;
}): () => void {
  const tick = () =>
    void options
      .task()
      .catch((error: unknown) =>
        options.logger.warn({ err: (error as Error).message, task: options.name }, "periodic task failed"),
      );
  tick();
  const timer = setInterval(tick, options.intervalMs).unref();
  return () => clearInterval(timer);
}
