import { LOAN_STATUSES } from "@sharehood/sdk/contract";
import type { HttpMetrics, Logger } from "@sharehood/server-kit";
import type { Db } from "../../db.ts";

/**
 * `loans_by_state{state}`: how many loans are in each state now, counted when `/metrics` is scraped
 * with one grouped query (the status index). Read from the database, so every replica reports the
 * same figure: aggregate replicas with `max`, never `sum`. Every state is reported, 0 included.
 */
export function reportLoansByState(metrics: HttpMetrics, db: Db, logger: Logger): void {
  metrics.gaugeAtScrape(
    "loans_by_state",
    "Loans in each state now (read from the database at each scrape; the same on every replica)",
    ["state"],
    async () => {
      const rows = await db.$queryRaw<{ state: string; count: number }[]>`
        SELECT status::text AS state, count(*)::int AS count FROM loans GROUP BY status`;
      const counts = new Map(rows.map((row) => [row.state, row.count]));
      return LOAN_STATUSES.map((state) => ({ labels: { state }, value: counts.get(state) ?? 0 }));
    },
    (error) => logger.warn({ err: (error as Error).message }, "metrics: could not count loans by state"),
  );
}
