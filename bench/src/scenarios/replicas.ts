import { inventoryApiService } from "@sharehood/inventory-api/service";
import { startNginx } from "@sharehood/replicas";
import { freePort } from "@sharehood/test-stack";
import { alternate, load } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

// BENCH_REPLICAS_ROUNDS=1 BENCH_REPLICAS_SECONDS=1 for a quick check that the scenario runs (its
// figures then mean nothing).
const ROUNDS = Number(process.env.BENCH_REPLICAS_ROUNDS) || 5;
const SECONDS = Number(process.env.BENCH_REPLICAS_SECONDS) || 3;
const CONNECTIONS = 50;

/**
 * Cached public GET /items through nginx (Debian's, as the replica suite runs it) in front of two
 * replicas of the Inventory API against the same nginx in front of one of them, alternating round
 * by round. No target: on two cores the replicas share the cores with nginx, PostgreSQL, Redis and
 * autocannon, so a second replica adds no CPU to serve with, only a second event loop competing for
 * it. The figure says what a replica costs here (nginx's hop is in both), not how replicas scale.
 */
export async function replicaThroughput(stack: BenchStack): Promise<ScenarioResult> {
  await growCatalogue(stack, 1_000);
  const first = stack.inventory.main;
  // A second replica: the same bundle, database, Redis namespace and settings, as a Deployment's
  // second pod. The stack stops it at the end.
  const second = await stack.start(
    inventoryApiService.name,
    { ...stack.inventoryEnv },
    inventoryApiService.bundle,
  );
  const [onePort, twoPort] = [await freePort(), await freePort()];
  if (onePort === twoPort) throw new Error("freePort answered the same port twice");
  const nginx = await startNginx([
    { name: "inventory_one", port: onePort, replicas: [first.port] },
    { name: "inventory_two", port: twoPort, replicas: [first.port, second.port] },
  ]);
  try {
    const one = `${nginx.url("inventory_one")}/items?limit=20`;
    const two = `${nginx.url("inventory_two")}/items?limit=20`;
    const body = await (await fetch(one)).text(); // warms the shared cache
    const run = await alternate(
      ROUNDS,
      () => load({ url: one, connections: CONNECTIONS, durationSeconds: SECONDS }),
      () => load({ url: two, connections: CONNECTIONS, durationSeconds: SECONDS }),
    );
    const ratio = run.subject.rps / run.baseline.rps;
    const failures = (f: typeof run.subject) => f.errors + f.non2xx;
    return {
      title: `Replicas: cached public GET /items (page of 20, ${Buffer.byteLength(body)} bytes) through nginx, two Inventory API replicas against one, ${CONNECTIONS} connections`,
      rows: [
        { label: "nginx → one replica", figures: run.baseline },
        { label: "nginx → two replicas (round robin)", figures: run.subject },
      ],
      verdicts: [
        {
          target: "none, reported as measured (2 shared cores cannot show scaling); 0 errors",
          value: `two replicas ${fmt(ratio)}× one's req/s, p50 ${run.subject.p50} vs ${run.baseline.p50} ms, p99 ${run.subject.p99} vs ${run.baseline.p99} ms; ${failures(run.subject) + failures(run.baseline)} errors`,
          met: failures(run.subject) + failures(run.baseline) === 0,
        },
      ],
      raw: run.raw,
      notes: [
        "Two cores cannot show scaling: both replicas share them with nginx, PostgreSQL, Redis and autocannon, so the second replica brings no CPU of its own. The ratio shows what running two event loops on the same cores costs or saves, not what a second machine or pod would add; deploy/SCALING.md uses the one-replica figure per core.",
      ],
    };
  } finally {
    await nginx.stop();
    await second.stop("SIGTERM");
  }
}
