import { randomUUID } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { DomainEvent } from "@sharehood/sdk/contract";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHttpApp, finishApp } from "../http/create-app.ts";
import { HttpMetrics } from "../http/metrics.ts";
import { listen, type RunningServer } from "../lifecycle.ts";
import { createLogger } from "../logger.ts";
import { createTestDatabase, testRedisUrl } from "../testing/index.ts";
import {
  createEventBus,
  startOutboxRelay,
  writeEvents,
  type EventBus,
  type OutboxRelay,
} from "../events/index.ts";
import { loanRequested } from "../events/test-prisma/loan-requested.ts";
import { pgDatabase } from "../events/test-prisma/pg-database.ts";
import { startTelemetry, type Telemetry } from "./index.ts";

// One request through a real server, PostgreSQL, the outbox, the relay, a Redis stream and a
// consumer, traced through the real SDK into an OTLP/HTTP receiver in this process.

interface ReceivedSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}

const spans: ReceivedSpan[] = [];
let receiver: Server;
let telemetry: Telemetry;
let database: { url: string; drop: () => Promise<void> };
let db: ReturnType<typeof pgDatabase>;
let bus: EventBus;
let relay: OutboxRelay;
let server: RunningServer;
const namespace = `sharehood-test-${randomUUID()}`;
const logLines: Record<string, unknown>[] = [];
const handled: DomainEvent[] = [];

const attribute = (span: ReceivedSpan, key: string) =>
  Object.values(span.attributes.find((a) => a.key === key)?.value ?? {})[0];

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const json = JSON.parse(body) as { resourceSpans: { scopeSpans: { spans: ReceivedSpan[] }[] }[] };
      for (const rs of json.resourceSpans) for (const ss of rs.scopeSpans) spans.push(...ss.spans);
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  }).listen(0, "127.0.0.1");
  await once(receiver, "listening");
  const address = receiver.address() as { port: number };
  telemetry = await startTelemetry({
    serviceName: "server-kit-test",
    config: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${address.port}`, OTEL_TRACES_SAMPLER_ARG: 1 },
    moduleHooks: false,
  });
  // pg is patched when required (the bundles patch its ES import through the loader hook instead).
  createRequire(import.meta.url)("pg");

  database = await createTestDatabase({
    name: "server_kit_telemetry",
    prismaDir: fileURLToPath(new URL("../events/test-prisma", import.meta.url)),
  });
  db = pgDatabase(database.url);
  const silent = pino({ level: "silent" });
  bus = createEventBus({ logger: silent, redisUrl: testRedisUrl(), namespace });
  await bus.subscribe("telemetry-test", async (event) => {
    await db.$queryRaw`SELECT 1 AS handled`;
    handled.push(event);
  });
  relay = startOutboxRelay({ db, bus, logger: silent, pollIntervalMs: 50 });

  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const app = createHttpApp({
    logger: createLogger("server-kit-test", "info", sink),
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
  app.get("/boom", () => {
    throw new Error("boom");
  });
  finishApp(app);
  server = await listen(app, {
    port: 0,
    host: "127.0.0.1",
    graceMs: 1_000,
    logger: silent,
    cleanup: () => Promise.resolve(),
  });
});

afterAll(async () => {
  await server?.close();
  await relay?.stop();
  await bus?.close();
  await telemetry?.shutdown();
  await db?.end();
  await database?.drop();
  const redis = new Redis(testRedisUrl());
  await redis.del(`${namespace}:events`);
  redis.disconnect();
  receiver?.close();
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("tracing", () => {
  it("follows a request through its SQL, the outbox, the relay and a consumer, in one trace", async () => {
    const traceId = randomUUID().replaceAll("-", "");
    const callerSpan = "b7ad6b7169203331";
    const loanId = randomUUID();
    const response = await fetch(`http://127.0.0.1:${server.port}/loans/${loanId}/request`, {
      method: "POST",
      headers: { traceparent: `00-${traceId}-${callerSpan}-01` },
    });
    expect(response.status).toBe(201);
    await until(() => handled.some((event) => event.subject.id === loanId));
    await until(() => logLines.some((line) => line.msg === "request"));
    await telemetry.flush();

    const inTrace = spans.filter((span) => span.traceId === traceId);
    const byName = (name: string) => inTrace.find((span) => span.name === name);
    const request = byName("POST /loans/:id/request");
    expect(request?.parentSpanId).toBe(callerSpan);
    expect(attribute(request!, "http.route")).toBe("/loans/:id/request");
    const insert = inTrace.find((span) =>
      String(attribute(span, "db.query.text")).includes("INSERT INTO outbox_events"),
    );
    expect(insert?.parentSpanId).toBe(request!.spanId);
    const publish = byName("publish loan.requested");
    expect(publish?.parentSpanId).toBe(request!.spanId);
    const processed = byName("process loan.requested");
    expect(processed?.parentSpanId).toBe(publish!.spanId);
    expect(attribute(processed!, "messaging.consumer.group.name")).toBe("telemetry-test");
    const handlerQuery = inTrace.find((span) => String(attribute(span, "db.query.text")).includes("handled"));
    expect(handlerQuery?.parentSpanId).toBe(processed!.spanId);
    // The event carries the publish span as its parent; the outbox row keeps the writer's.
    expect(handled.find((event) => event.subject.id === loanId)?.trace?.traceparent).toBe(
      `00-${traceId}-${publish!.spanId}-01`,
    );

    const line = logLines.find((l) => l.msg === "request" && l.url === `/loans/${loanId}/request`);
    expect(line).toMatchObject({ traceId, spanId: request!.spanId });
  });

  it("gives problem+json the trace id beside the request id", async () => {
    const response = await fetch(`http://127.0.0.1:${server.port}/boom`);
    const problem = (await response.json()) as { requestId: string; traceId: string };
    expect(response.status).toBe(500);
    expect(problem.traceId).toMatch(/^[0-9a-f]{32}$/);
    await telemetry.flush();
    expect(spans.find((span) => span.traceId === problem.traceId)?.name).toBe("GET /boom");
  });
});
