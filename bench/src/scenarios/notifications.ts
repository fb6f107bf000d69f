import { setMaxListeners } from "node:events";
import { readFileSync } from "node:fs";
import { inDays, listItem, type Neighbour } from "@sharehood/test-stack";
import { Agent, request } from "undici";
import { durationFigures } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { benchPerson, prepareBorrowRequests, type BenchStack } from "../stack.ts";

// Issue 14's figures: how soon a borrower's open stream hears of an approval, how many streams one
// Notification API process holds and at what memory, and how fast emails reach the SMTP server.

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const person = (stack: BenchStack, role: string): Promise<Neighbour> => benchPerson(stack, "notify", role);

/** Resident memory of a process, in MiB (Linux). */
function residentMiB(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith("VmRSS:"));
  return Number(/(\d+)/.exec(line ?? "")?.[1]) / 1024;
}

/**
 * One `GET /notifications/stream`, read as it arrives: `onEvent` gets each event's name and data.
 * Resolves once the stream is open and has sent its first event (the unread count).
 */
async function openStream(
  url: string,
  token: string,
  dispatcher: Agent,
  signal: AbortSignal,
  onEvent: (event: string, data: string) => void,
): Promise<void> {
  const response = await request(`${url}/notifications/stream`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    dispatcher,
    signal,
  });
  if (response.statusCode !== 200) throw new Error(`stream answered ${response.statusCode}`);
  let buffer = "";
  let opened: () => void;
  const first = new Promise<void>((resolve) => (opened = resolve));
  response.body.setEncoding("utf8");
  response.body.on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data !== undefined) {
        onEvent(event, data);
        opened();
      }
    }
  });
  response.body.on("error", () => undefined);
  await first;
}

/**
 * From the owner's approval (its 200 received) to the borrower's open stream receiving the
 * notification: outbox, relay, Redis Stream, consumer, pub/sub, SSE. 50 approvals one after another.
 */
export async function approvalToStream(stack: BenchStack): Promise<ScenarioResult> {
  const [owner, borrower] = [await person(stack, "owner"), await person(stack, "borrower")];
  const items = await Promise.all([1, 2, 3, 4, 5].map(() => listItem(owner.client)));
  const arrived = new Map<string, (at: number) => void>();
  const dispatcher = new Agent({ keepAliveTimeout: 30_000 });
  const stop = new AbortController();
  await openStream(stack.notifications.url, borrower.token, dispatcher, stop.signal, (event, data) => {
    if (event !== "notification") return;
    const { url } = JSON.parse(data) as { url: string };
    arrived.get(url)?.(performance.now());
  });
  const WARM_UP = 5;
  const SAMPLES = 50;
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
    const item = items[i % items.length]!;
    const from = 10 + 3 * Math.floor(i / items.length);
    const loan = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(from), endDate: inDays(from + 1) },
    });
    const url = `/loans/${loan.id}`;
    const heard = new Promise<number>((resolve) => arrived.set(url, resolve));
    await owner.client.loans.approve({ params: { id: loan.id } });
    const approvedAt = performance.now();
    const at = await Promise.race([heard, sleep(5_000).then(() => undefined)]);
    if (at === undefined) errors += 1;
    // The stream can hear of it before the approval's answer is read here: that counts as 0.
    else if (i >= WARM_UP) times.push(Math.max(0, at - approvedAt));
  }
  stop.abort();
  await dispatcher.close();
  const figures = durationFigures(times, errors);
  return {
    title: "Loan approval to the borrower's open stream (50 approvals, one at a time)",
    rows: [{ label: "approval's 200 → notification on the stream", figures }],
    verdicts: [
      {
        target: "p95 < 500 ms on loopback",
        value: `p50 ${fmt(figures.p50, 1)} ms, p95 ${fmt(figures.p95, 1)} ms (${errors} not heard within 5 s)`,
        met: errors === 0 && figures.p95! < 500,
      },
    ],
    raw: { "approval-to-stream": [figures] },
  };
}

/**
 * 2,000 streams held open at once by one Notification API process: its memory before and after,
 * and how long one new notification takes to reach all of them.
 */
export async function heldStreams(stack: BenchStack): Promise<ScenarioResult> {
  const STREAMS = 2_000;
  const [owner, borrower] = [await person(stack, "owner"), await person(stack, "borrower")];
  const item = await listItem(owner.client);
  const pid = stack.notifications.pid;
  await sleep(1_000);
  const before = residentMiB(pid);
  const dispatcher = new Agent({ keepAliveTimeout: 60_000, connections: STREAMS + 10 });
  const stop = new AbortController();
  // Every stream listens for the one abort at the end.
  setMaxListeners(STREAMS + 10, stop.signal);
  const heardAt: number[] = [];
  let sentAt = 0;
  let opened = 0;
  for (let batch = 0; batch < STREAMS; batch += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, STREAMS - batch) }, () =>
        openStream(stack.notifications.url, owner.token, dispatcher, stop.signal, (event) => {
          if (event === "notification") heardAt.push(performance.now() - sentAt);
        }).then(() => (opened += 1)),
      ),
    );
  }
  await sleep(2_000);
  const after = residentMiB(pid);
  sentAt = performance.now();
  await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: inDays(20), endDate: inDays(21) },
  });
  const deadline = Date.now() + 15_000;
  while (heardAt.length < opened && Date.now() < deadline) await sleep(20);
  stop.abort();
  await dispatcher.destroy();
  const fanOut = durationFigures(heardAt, opened - heardAt.length);
  const perStreamKiB = ((after - before) * 1024) / Math.max(1, opened);
  return {
    title: `${STREAMS} live notification streams held by one Notification API process`,
    rows: [{ label: "request → notification on every stream", figures: fanOut }],
    verdicts: [
      {
        target: `${STREAMS} concurrent streams in one process (memory reported)`,
        value: `${opened} open; resident memory ${fmt(before, 0)} MiB → ${fmt(after, 0)} MiB (about ${fmt(perStreamKiB, 1)} KiB per stream)`,
        met: opened === STREAMS,
      },
      {
        target: "one new notification reaches every open stream (reported)",
        value: `${heardAt.length} of ${opened} within 15 s; the last after ${fmt(Math.max(...heardAt), 0)} ms`,
        met: heardAt.length === opened,
      },
    ],
    raw: { "fan-out": [fanOut] },
    notes: [
      `All streams belong to one person (the bench raises STREAMS_PER_PERSON), so one notification goes to all of them.`,
    ],
  };
}

/**
 * Emails handed to the SMTP server per second: 300 borrow requests for one owner, each an email
 * to them (the default preferences email owners about requests), timed as they arrive at an SMTP
 * server in this process.
 */
export async function emailThroughput(stack: BenchStack): Promise<ScenarioResult> {
  const owner = await person(stack, "owner");
  // The Notification API knows the owner (name, address) once their verification email is out.
  const known = Date.now() + 15_000;
  while (stack.smtp.to(owner.email).length === 0 && Date.now() < known) await sleep(50);
  const already = stack.smtp.to(owner.email).length;
  const { send } = await prepareBorrowRequests(stack, owner, "notify", 30);
  const arrivals: number[] = [];
  const started = performance.now();
  const { sent, refused } = await send();
  const expected = sent - refused;
  const deadline = Date.now() + 120_000;
  while (arrivals.length < expected && Date.now() < deadline) {
    const count = stack.smtp.to(owner.email).length - already;
    while (arrivals.length < count) arrivals.push(performance.now() - started);
    await sleep(20);
  }
  const first = arrivals[0] ?? NaN;
  const last = arrivals.at(-1) ?? NaN;
  const perSecond = (arrivals.length - 1) / ((last - first) / 1000);
  return {
    title: `Emails handed to SMTP: ${sent} borrow requests, one email each to the owner`,
    rows: [
      {
        label: "request sent → email at the SMTP server",
        figures: durationFigures(arrivals, expected - arrivals.length),
      },
    ],
    verdicts: [
      {
        target: "emails handed to SMTP per second (reported)",
        value: `${fmt(perSecond, 1)} per second (${arrivals.length} of ${expected} arrived, the last ${fmt(last / 1000, 1)} s after the first request)`,
        met: arrivals.length === expected && expected > 0,
      },
    ],
    raw: { emails: [durationFigures(arrivals)] },
    notes: [
      "The SMTP server is in the bench process (smtp-server): it accepts at once, as a nearby relay would.",
    ],
  };
}
