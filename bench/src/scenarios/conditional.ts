import { alternate, load } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import type { BenchStack } from "../stack.ts";

/** GET /items/:id with If-None-Match (304) against the same request without it (200). */
export async function conditionalGet(stack: BenchStack): Promise<ScenarioResult> {
  const [row] = await stack.sql<{ id: string }>("SELECT id FROM items ORDER BY created_at DESC LIMIT 1");
  const url = `${stack.inventory.main.url}/items/${row!.id}`;
  const etag = (await fetch(url)).headers.get("etag")!;
  const run = await alternate(
    5,
    () => load({ url, connections: 50, durationSeconds: 3 }),
    () =>
      load({ url, connections: 50, durationSeconds: 3, headers: { "if-none-match": etag }, expect: [304] }),
  );
  const ratio = run.subject.rps / run.baseline.rps;
  return {
    title: "GET /items/:id with If-None-Match (304) vs without (200), 50 connections",
    rows: [
      { label: "without If-None-Match (200)", figures: run.baseline },
      { label: "with If-None-Match (304)", figures: run.subject },
    ],
    verdicts: [
      {
        target: "304 at least as fast as 200",
        value: `${fmt(ratio)}× the 200's throughput; p50 ${run.subject.p50} vs ${run.baseline.p50} ms`,
        met: ratio >= 0.97,
      },
    ],
    raw: run.raw,
    notes: ["'At least as fast' allows 3% for run-to-run noise."],
  };
}
