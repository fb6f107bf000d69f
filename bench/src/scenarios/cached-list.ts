import { Redis } from "ioredis";
import { alternate, load } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

const ROUNDS = 5;
const SECONDS = 3;
const CONNECTIONS = 50;

/** Cached public GET /items (a page of 20) against node:http + ioredis returning the same bytes. */
export async function cachedList(stack: BenchStack): Promise<ScenarioResult> {
  await growCatalogue(stack, 1_000);
  const url = `${stack.inventory.main.url}/items?limit=20`;
  const body = await (await fetch(url)).text(); // warms the cache
  const key = `bench:baseline:${stack.namespace}`;
  const redis = new Redis(stack.redisUrl);
  await redis.set(key, body);
  const baseline = await stack.baseline("redis-bytes", { REDIS_URL: stack.redisUrl, BASELINE_KEY: key });
  const run = await alternate(
    ROUNDS,
    () => load({ url: `${baseline.url}/items?limit=20`, connections: CONNECTIONS, durationSeconds: SECONDS }),
    () => load({ url, connections: CONNECTIONS, durationSeconds: SECONDS }),
  );
  await baseline.stop("SIGTERM");
  await redis.del(key);
  await redis.quit();
  const ratio = run.subject.rps / run.baseline.rps;
  const p99Ratio = run.subject.p99 / Math.max(run.baseline.p99, 1);
  return {
    title: `Cached public GET /items (page of 20, ${Buffer.byteLength(body)} bytes), ${CONNECTIONS} connections`,
    rows: [
      { label: "baseline: node:http + ioredis, same bytes", figures: run.baseline },
      { label: "Inventory API", figures: run.subject },
    ],
    verdicts: [
      { target: "throughput ≥ 0.5× baseline", value: `${fmt(ratio)}×`, met: ratio >= 0.5 },
      {
        target: "0 errors",
        value: `${run.subject.errors + run.subject.non2xx}`,
        met: run.subject.errors + run.subject.non2xx === 0,
      },
      {
        target: "p99 ≤ 5× baseline's",
        value: `${fmt(p99Ratio)}× (${run.subject.p99} ms vs ${run.baseline.p99} ms)`,
        met: p99Ratio <= 5,
      },
    ],
    raw: run.raw,
  };
}
