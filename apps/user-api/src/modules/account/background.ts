import type { Logger } from "@sharehood/server-kit";

/**
 * Work a request starts but does not wait for (its answer must not depend on how the work goes).
 * A failure is logged, never thrown at anyone; `drain` lets shutdown finish what was started.
 */
export function createBackgroundTasks(logger: Logger) {
  const pending = new Set<Promise<void>>();
  return {
    run(name: string, task: () => Promise<unknown>): void {
      const running: Promise<void> = Promise.resolve()
        .then(task)
        .then(
          () => undefined,
          (error: unknown) =>
            logger.error({ err: (error as Error).message, task: name }, "background task failed"),
        )
        .finally(() => pending.delete(running));
      pending.add(running);
    },
    async drain(): Promise<void> {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

export type BackgroundTasks = ReturnType<typeof createBackgroundTasks>;
