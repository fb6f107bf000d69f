import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { inDays, type Neighbour } from "@sharehood/test-stack";
import { durationFigures } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { benchPerson, prepareBorrowRequests, type BenchStack } from "../stack.ts";

// Issue 18's figures: webhook deliveries per second to a receiver on this machine, and the delay
// from an event (its timestamp, written by the Inventory API in the request's transaction) to its
// delivery arriving, through outbox, relay, Redis Stream, the Notification API's feed and pg-boss.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const person = (stack: BenchStack, role: string): Promise<Neighbour> => benchPerson(stack, "webhooks", role);

/**
 * 300 borrow requests for one owner who registered 10 endpoints (the most one person may), all
 * subscribed to everything, on a receiver in this process: 3,000 deliveries, each endpoint getting
 * its 300 one at a time in order, the 10 in parallel.
 */
export async function webhookDeliveries(stack: BenchStack): Promise<ScenarioResult> {
  const ENDPOINTS = 10;
  const arrivals: { at: number; delayMs: number }[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const at = Date.now();
      const key = `${req.url}:${String(req.headers["webhook-id"])}`;
      if (seen.has(key)) duplicates += 1;
      else {
        seen.add(key);
        const { timestamp } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { timestamp: string };
        arrivals.push({ at: performance.now(), delayMs: at - Date.parse(timestamp) });
      }
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;

  const owner = await person(stack, "owner");
  for (let i = 0; i < ENDPOINTS; i += 1) {
    const response = await fetch(`${stack.notifications.url}/webhooks`, {
      method: "POST",
      headers: { authorization: `Bearer ${owner.token}`, "content-type": "application/json" },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/hook-${i}`, events: ["loan.requested"] }),
    });
    if (response.status !== 201) throw new Error(`registering a webhook answered ${response.status}`);
    await response.body?.cancel();
  }
  const { items, borrowers, send } = await prepareBorrowRequests(stack, owner, "webhooks", 40);
  const started = performance.now();
  const { sent, refused } = await send();
  const requestsDone = performance.now() - started;
  const expected = (sent - refused) * ENDPOINTS;
  const deadline = Date.now() + 180_000;
  while (arrivals.length < expected && Date.now() < deadline) await sleep(50);
  const backlogArrived = arrivals.length;

  // Unloaded: one request at a time, each waiting for its 10 deliveries before the next.
  const quiet: number[] = [];
  let quietMissed = 0;
  const borrower = borrowers[0]!;
  for (let i = 0; i < 30; i += 1) {
    const before = arrivals.length;
    await borrower.client.loans.request({
      params: { id: items[i % items.length]!.id },
      body: { startDate: inDays(200 + 2 * i), endDate: inDays(201 + 2 * i) },
    });
    const until = Date.now() + 10_000;
    while (arrivals.length < before + ENDPOINTS && Date.now() < until) await sleep(5);
    if (arrivals.length < before + ENDPOINTS) quietMissed += 1;
    quiet.push(...arrivals.slice(before).map((a) => a.delayMs));
  }
  await new Promise((resolve) => receiver.close(resolve));
  receiver.closeAllConnections();

  const times = arrivals.slice(0, backlogArrived).map((a) => a.at);
  const first = Math.min(...times);
  const last = Math.max(...times);
  const perSecond = (arrivals.length - 1) / ((last - first) / 1000);
  const delays = durationFigures(
    arrivals.slice(0, backlogArrived).map((a) => a.delayMs),
    expected - backlogArrived,
  );
  const quietDelays = durationFigures(quiet, quietMissed);
  return {
    title: `Webhook deliveries: ${sent} borrow requests to one owner with ${ENDPOINTS} endpoints (${expected} deliveries)`,
    rows: [
      { label: "event → delivery, 300 requests at once (backlog)", figures: delays },
      { label: "event → delivery, one request at a time", figures: quietDelays },
    ],
    verdicts: [
      {
        target: "webhook deliveries per second to a local receiver (reported)",
        value: `${fmt(perSecond, 1)} per second (${backlogArrived} of ${expected} arrived over ${fmt((last - first) / 1000, 1)} s; the requests took ${fmt(requestsDone / 1000, 1)} s; ${duplicates} duplicates)`,
        met: backlogArrived === expected && expected > 0 && duplicates === 0,
      },
      {
        target: "event → delivery delay p95, one request at a time (reported)",
        value: `p50 ${fmt(quietDelays.p50, 0)} ms, p95 ${fmt(quietDelays.p95, 0)} ms (${quiet.length} deliveries, ${quietMissed} requests not delivered within 10 s)`,
        met: quietMissed === 0,
      },
      {
        target: "event → delivery delay p95 behind the 3,000-delivery backlog (reported)",
        value: `p50 ${fmt(delays.p50, 0)} ms, p95 ${fmt(delays.p95, 0)} ms, p99 ${fmt(delays.p99, 0)} ms`,
        met: backlogArrived === expected && expected > 0,
      },
    ],
    raw: { "webhook-delay-backlog": [delays], "webhook-delay-quiet": [quietDelays] },
    notes: [
      "The receiver is in the bench process and answers 204 at once; the Notification API runs with WEBHOOKS_ALLOW_PRIVATE_TARGETS=true to reach it on 127.0.0.1.",
      "The delay runs from the event's timestamp (the Inventory API's clock, the same machine) to the delivery's arrival. Each endpoint gets its events one at a time in order, so a backlog on one endpoint queues behind itself.",
    ],
  };
}
