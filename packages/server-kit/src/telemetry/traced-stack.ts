import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { DomainEvent } from "@sharehood/sdk/contract";
import { Redis } from "ioredis";
import { pino } from "pino";
import { createHttpApp, finishApp } from "../http/create-app.ts";
import { HttpMetrics } from "../http/metrics.ts";
import { listen } from "../lifecycle.ts";
import { createLogger } from "../logger.ts";
import { createTestDatabase, testRedisUrl } from "../testing/index.ts";
import { createEventBus, startOutboxRelay, writeEvents } from "../events/index.ts";
import { loanRequested } from "../events/test-prisma/loan-requested.ts";
import { pgDatabase } from "../events/test-prisma/pg-database.ts";
import { startTelemetry } from "./index.ts";

// For the tracing tests: a real server, PostgreSQL, the outbox, the relay, a Redis stream and a
// consumer, traced through the real SDK (sampling `ratio` of new traces) into an OTLP/HTTP
// receiver in this process. One per test file: the SDK is registered for the whole process.

export interface ReceivedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

export const attribute = (span: ReceivedSpan, key: string) =>
  Object.values(span.attributes.find((a) => a.key === key)?.value ?? {})[0];

export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

export async function startTracedStack(name: string, ratio: number) {
  const spans: ReceivedSpan[] = [];
  const logLines: Record<string, unknown>[] = [];
  const handled: DomainEvent[] = [];
  // The OTLP receiver; GET /echo answers the `traceparent` a call carried, for calls made by routes.
  const receiver: Server = createServer((req, res) => {
    if (req.method === "GET") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ traceparent: req.headers.traceparent ?? null }));
      return;
    }
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const json = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[] };
      for (const rs of json.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  }).listen(0, "127.0.0.1");
  await once(receiver, "listening");
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;
  const telemetry = await startTelemetry({
    serviceName: "server-kit-test",
    config: { OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl, OTEL_TRACES_SAMPLER_ARG: ratio },
    moduleHooks: false,
  });
  // pg is patched when required (the bundles patch its ES import through the loader hook instead).
  createRequire(import.meta.url)("pg");

  const database = await createTestDatabase({
    name: `server_kit_${name}`,
    prismaDir: fileURLToPath(new URL("../events/test-prisma", import.meta.url)),
  });
  const db = pgDatabase(database.url);
  const silent = pino({ level: "silent" });
  const namespace = `sharehood-test-${randomUUID()}`;
  const bus = createEventBus({ logger: silent, redisUrl: testRedisUrl(), namespace });
  const logger = createLogger(
    "server-kit-test",
    "info",
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    }),
  );
  await bus.subscribe("telemetry-test", async (event) => {
    await db.$queryRaw`SELECT 1 AS handled`;
    logger.info({ eventId: event.id }, "handled");
    handled.push(event);
  });
  const relay = startOutboxRelay({ db, bus, logger: silent, pollIntervalMs: 50 });

  const app = createHttpApp({
    logger,
    metrics: new HttpMetrics("server-kit-test", { defaultMetrics: false }),
    bodyLimitBytes: 10_000,
    checks: {},
    isShuttingDown: () => false,
    openapi: { info: { title: "test" }, paths: {} },
  });
  app.post("/loans/:id/request", async (req, res) => {
    await db.$transaction((tx) => writeEvents(tx, "inventory-api", [loanRequested(String(req.params.id))]));
    relay.nudge();
    res.status(201).json({ ok: true });
  });
  app.get("/call", async (_req, res) => {
    res.json(await (await fetch(`${receiverUrl}/echo`)).json());
  });
  app.get("/boom", () => {
    throw new Error("boom");
  });
  finishApp(app);
  const server = await listen(app, {
    port: 0,
    host: "127.0.0.1",
    graceMs: 1_000,
    logger: silent,
    cleanup: () => Promise.resolve(),
  });

  return {
    url: `http://127.0.0.1:${server.port}`,
    spans,
    logLines,
    handled,
    telemetry,
    async close() {
      await server.close();
      await relay.stop();
      await bus.close();
      await telemetry.shutdown();
      await db.end();
      await database.drop();
      const redis = new Redis(testRedisUrl());
      await redis.del(`${namespace}:events`);
      redis.disconnect();
      receiver.close();
    },
  };
}

export type TracedStack = Awaited<ReturnType<typeof startTracedStack>>;
