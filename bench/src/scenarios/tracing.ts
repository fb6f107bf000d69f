import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { alternate, load } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

const CONNECTIONS = 50;
const RATIO = 0.1;

/**
 * An OTLP/HTTP receiver in this process (POST /v1/traces, JSON) that counts the spans and traces
 * it is sent and answers at once, as a collector would.
 */
async function startSpanCounter() {
  let spans = 0;
  const traces = new Set<string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans?: { scopeSpans?: { spans?: { traceId: string }[] }[] }[];
        };
        for (const resource of body.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? [])
            for (const span of scope.spans ?? []) {
              spans += 1;
              traces.add(span.traceId);
            }
      } catch {
        // Counted as nothing: the verdict then says no span arrived.
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    counts: () => ({ spans, traces: traces.size }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Cached public GET /items with tracing on (OTLP to a receiver in this process, 10% of traces
 * sampled) against the same Inventory API with tracing off, over the same database and Redis.
 */
export async function tracingOverhead(
  stack: BenchStack,
  options: { rounds?: number; seconds?: number } = {},
): Promise<ScenarioResult> {
  const rounds = options.rounds ?? 5;
  const durationSeconds = options.seconds ?? 3;
  // The page cached-list measures (and what the catalogue is when this runs alone).
  await growCatalogue(stack, 1_000);
  const receiver = await startSpanCounter();
  const traced = await stack.inventoryVariant({
    OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
    OTEL_TRACES_SAMPLER_ARG: String(RATIO),
  });
  const path = "/items?limit=20";
  // Both fill (or find) the same public cache in Redis.
  await Promise.all([fetch(`${stack.inventory.main.url}${path}`), fetch(`${traced.url}${path}`)]);
  const run = await alternate(
    rounds,
    () => load({ url: `${stack.inventory.main.url}${path}`, connections: CONNECTIONS, durationSeconds }),
    () => load({ url: `${traced.url}${path}`, connections: CONNECTIONS, durationSeconds }),
  );
  // SIGTERM sends the spans still batched before the process exits.
  await traced.stop("SIGTERM");
  await receiver.close();
  const { spans, traces } = receiver.counts();
  const tracedRequests = (run.raw.subject ?? []).reduce((sum, figures) => sum + figures.requests, 0);
  const ratio = run.subject.rps / run.baseline.rps;
  return {
    title: `Cached public GET /items (page of 20), tracing at ${RATIO * 100}% sampling vs off, ${CONNECTIONS} connections`,
    rows: [
      { label: "tracing off (OTEL_EXPORTER_OTLP_ENDPOINT unset)", figures: run.baseline },
      { label: `tracing on, OTEL_TRACES_SAMPLER_ARG=${RATIO}`, figures: run.subject },
    ],
    verdicts: [
      { target: "throughput ≥ 0.9× tracing off", value: `${fmt(ratio)}×`, met: ratio >= 0.9 },
      {
        target: "spans exported",
        // The warm-up round is not in the figures, so the share is a little over the ratio.
        value: `${spans} spans in ${traces} traces, for ${tracedRequests} measured requests`,
        met: traces > 0,
      },
      {
        target: "0 errors",
        value: `${run.subject.errors + run.subject.non2xx}`,
        met: run.subject.errors + run.subject.non2xx === 0,
      },
    ],
    raw: run.raw,
    notes: [
      "Both are the production bundle over the same database and Redis; the traced one exports over OTLP/HTTP JSON to a receiver in the bench process in batches every second (the services' setting).",
    ],
  };
}
