import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTracedStack, until, type TracedStack } from "./traced-stack.ts";

// Most requests are not sampled. They record nothing, and cost next to nothing, yet their trace goes
// on: its id is in their logs, and their calls, events and consumers pass it on as not sampled, so
// no later service starts a fragment of it. New traces are sampled at 0 here.

let stack: TracedStack;
beforeAll(async () => {
  stack = await startTracedStack("telemetry_unsampled", 0);
});
afterAll(() => stack?.close());

const NOT_SAMPLED = /^00-([0-9a-f]{32})-[0-9a-f]{16}-00$/;

/** The trace ids of every span exported so far. */
async function exportedTraces(): Promise<Set<string>> {
  await stack.telemetry.flush();
  return new Set(stack.spans.map((span) => span.traceId));
}

describe("a request that is not sampled", () => {
  it("passes its trace on to the calls it makes, as not sampled, and logs its id", async () => {
    const answer = (await (await fetch(`${stack.url}/call`)).json()) as { traceparent: string | null };
    const [, traceId] = NOT_SAMPLED.exec(answer.traceparent ?? "") ?? [];
    expect(traceId).toBeDefined();
    await until(() => stack.logLines.some((line) => line.msg === "request" && line.url === "/call"));
    const line = stack.logLines.find((l) => l.msg === "request" && l.url === "/call");
    expect(line?.traceId).toBe(traceId);
    expect(await exportedTraces()).not.toContain(traceId);
  });

  it("follows a caller's trace that is not sampled through its events and their consumers, recording none of it", async () => {
    const traceId = randomUUID().replaceAll("-", "");
    const loanId = randomUUID();
    const response = await fetch(`${stack.url}/loans/${loanId}/request`, {
      method: "POST",
      headers: { traceparent: `00-${traceId}-b7ad6b7169203331-00` },
    });
    expect(response.status).toBe(201);
    await until(() => stack.handled.some((event) => event.subject.id === loanId));
    const event = stack.handled.find((e) => e.subject.id === loanId)!;
    expect(NOT_SAMPLED.exec(event.trace?.traceparent ?? "")?.[1]).toBe(traceId);
    await until(() => stack.logLines.some((line) => line.msg === "handled" && line.eventId === event.id));
    expect(stack.logLines.find((line) => line.msg === "handled" && line.eventId === event.id)?.traceId).toBe(
      traceId,
    );
    const traces = await exportedTraces();
    expect(traces).not.toContain(traceId);
    // Nothing at all was recorded: no SQL, no publish, no consumer started a trace of its own.
    expect(traces.size).toBe(0);
  });

  it("still records a trace its caller sampled", async () => {
    const traceId = randomUUID().replaceAll("-", "");
    const answer = (await (
      await fetch(`${stack.url}/call`, { headers: { traceparent: `00-${traceId}-b7ad6b7169203331-01` } })
    ).json()) as { traceparent: string };
    expect(answer.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));
    await stack.telemetry.flush();
    expect(stack.spans.filter((span) => span.traceId === traceId).map((span) => span.name)).toEqual(
      expect.arrayContaining(["GET /call", "GET"]),
    );
  });
});
