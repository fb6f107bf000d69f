import { sequential, type Figures } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

const QUERIES = ["drill", "cordless drill", "camping tent", "waterproof", "party speaker"];
const REQUESTS = 300;

/** Uncached full-text search at 1k, 10k and 100k items, one connection, p95. */
export async function searchScaling(stack: BenchStack): Promise<ScenarioResult> {
  const rows: { label: string; figures: Figures }[] = [];
  const raw: Record<string, Figures[]> = {};
  for (const size of [1_000, 10_000, 100_000]) {
    await growCatalogue(stack, size);
    let i = 0;
    const url = () =>
      `${stack.inventory.noPublicCache.url}/items?q=${encodeURIComponent(QUERIES[i++ % QUERIES.length]!)}&limit=20`;
    await sequential(url, 50); // warm-up: connection, plans, buffers
    const figures = await sequential(url, REQUESTS);
    rows.push({ label: `${size.toLocaleString("en")} items`, figures });
    raw[`${size}`] = [figures];
  }
  const [small, , large] = rows.map((r) => r.figures);
  const growth = large!.p95! / small!.p95!;
  return {
    title: `Uncached search GET /items?q= (${QUERIES.map((q) => `"${q}"`).join(", ")}), 1 connection, ${REQUESTS} requests per size`,
    rows,
    verdicts: [
      { target: "p95 at 100k items < 25 ms", value: `${fmt(large!.p95)} ms`, met: large!.p95! < 25 },
      { target: "p95 at 100k ≤ 2× the 1k figure", value: `${fmt(growth)}×`, met: growth <= 2 },
      {
        target: "no errors",
        value: `${rows.reduce((s, r) => s + r.figures.errors, 0)}`,
        met: rows.every((r) => r.figures.errors === 0),
      },
    ],
    raw,
  };
}
