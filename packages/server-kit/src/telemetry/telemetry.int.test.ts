import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attribute, startTracedStack, until, type TracedStack } from "./traced-stack.ts";

// One request through a real server, PostgreSQL, the outbox, the relay, a Redis stream and a
// consumer, every trace recorded.

let stack: TracedStack;
beforeAll(async () => {
  stack = await startTracedStack("telemetry", 1);
});
afterAll(() => stack?.close());

describe("tracing", () => {
  it("follows a request through its SQL, the outbox, the relay and a consumer, in one trace", async () => {
    const traceId = randomUUID().replaceAll("-", "");
    const callerSpan = "b7ad6b7169203331";
    const loanId = randomUUID();
    const response = await fetch(`${stack.url}/loans/${loanId}/request`, {
      method: "POST",
      headers: { traceparent: `00-${traceId}-${callerSpan}-01` },
    });
    expect(response.status).toBe(201);
    await until(() => stack.handled.some((event) => event.subject.id === loanId));
    await until(() => stack.logLines.some((line) => line.msg === "request"));
    await stack.telemetry.flush();

    const inTrace = stack.spans.filter((span) => span.traceId === traceId);
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
    expect(stack.handled.find((event) => event.subject.id === loanId)?.trace?.traceparent).toBe(
      `00-${traceId}-${publish!.spanId}-01`,
    );

    const line = stack.logLines.find((l) => l.msg === "request" && l.url === `/loans/${loanId}/request`);
    expect(line).toMatchObject({ traceId, spanId: request!.spanId });
  });

  it("gives problem+json the trace id beside the request id", async () => {
    const response = await fetch(`${stack.url}/boom`);
    const problem = (await response.json()) as { requestId: string; traceId: string };
    expect(response.status).toBe(500);
    expect(problem.traceId).toMatch(/^[0-9a-f]{32}$/);
    await stack.telemetry.flush();
    expect(stack.spans.find((span) => span.traceId === problem.traceId)?.name).toBe("GET /boom");
  });
});
