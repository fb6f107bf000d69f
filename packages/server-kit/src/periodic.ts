import { Counter, type Registry } from "prom-client";
import type { SqlExecutor } from "./events/outbox.ts";
import type { Logger } from "./logger.ts";

/** Claims older than this many periods are deleted after a run (the table stays a few rows a task). */
const KEPT_PERIODS = 100;

/**
 * Runs `task` once per period of `intervalMs` across every replica on one database: now, then
 * at the start of each period (with a little jitter), each replica tries to claim the period in
 * the service's `periodic_runs` table (`INSERT … ON CONFLICT DO NOTHING` on (task, period)), and
 * only the one whose insert landed runs it. Periods are counted from the epoch, so every replica
 * agrees on them whatever its start time (clocks may differ by a little: a run can then happen
 * early or late by that much, never twice for one period).
 *
 * A replica that dies mid-task keeps its claim: that period's run is cut short and the next one,
 * on whichever replica claims it, does what is left, which is why every task must be a sweep of
 * what is due (and safe if a replica that lost its claim a moment ago is still finishing). No lock
 * or transaction is held while the task runs, so it works the same on embedded PGlite. A claim or
 * a task that fails is logged; the next period tries again. The timer never keeps the process
 * alive. Answers a function that stops it.
 */
export function startPeriodic(options: {
  name: string;
  intervalMs: number;
  task: () => Promise<void>;
  logger: Logger;
  /** The service's database, whose `periodic_runs` table holds the claims. */
  db: Pick<SqlExecutor, "$executeRaw">;
  /** Counts this replica's runs (`periodic_task_runs_total{task}`) when given. */
  registry?: Registry;
}): () => void {
  const { name, intervalMs, db, logger } = options;
  const runs = runCounter(options.registry);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const claim = async (period: number): Promise<boolean> =>
    (await db.$executeRaw`
      INSERT INTO periodic_runs (task, period) VALUES (${name}, ${String(period)}::bigint)
      ON CONFLICT DO NOTHING`) === 1;

  const tick = async () => {
    const period = Math.floor(Date.now() / intervalMs);
    try {
      if (!(await claim(period))) return;
      runs?.inc({ task: name });
      await options.task();
      await db.$executeRaw`
        DELETE FROM periodic_runs WHERE task = ${name} AND period < ${String(period - KEPT_PERIODS)}::bigint`;
    } catch (error) {
      logger.warn({ err: (error as Error).message, task: name }, "periodic task failed");
    }
  };

  const schedule = () => {
    if (stopped) return;
    // The next period's start, plus up to a tenth of the period (at most a second), so that the
    // replicas do not all reach for the claim in the same millisecond.
    const next = (Math.floor(Date.now() / intervalMs) + 1) * intervalMs;
    const jitter = Math.random() * Math.min(intervalMs / 10, 1_000);
    timer = setTimeout(() => void tick().finally(schedule), next + jitter - Date.now()).unref();
  };

  void tick().finally(schedule);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

function runCounter(registry: Registry | undefined): Counter<"task"> | undefined {
  if (!registry) return undefined;
  const name = "periodic_task_runs_total";
  return (
    (registry.getSingleMetric(name) as Counter<"task"> | undefined) ??
    new Counter({
      name,
      help: "Periods of a periodic task this replica claimed and ran (one replica runs each period)",
      labelNames: ["task"],
      registers: [registry],
    })
  );
}
