import { listItem, type Neighbour } from "@sharehood/test-stack";
import { queueLoad, sequential, type Figures, type RequestSpec } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { seedMessages } from "../seed-messages.ts";
import { benchPerson, type BenchStack } from "../stack.ts";

// Issue 15's figures: sending a message, and reading the newest page of a 10,000-message thread,
// on a database holding 100,000 messages.

const LONG_THREAD = 10_000;
/**
 * The Inventory API allows 30 messages a minute per person and has no setting to lift it, so every
 * sender here is a different person with a thread of their own, and sends at most this many (their
 * question took one of the 30; two more are left spare).
 */
const SENDS_PER_SENDER = 27;
const SENDERS = 220;
/** One connection: the latency one person sees. These senders' budget: 540 sends. */
const SOLO_SENDERS = 20;
const SOLO_SENDS = 400;
/** Then ten connections at once, until these 180 senders' budget (4,860 sends) or the time runs out. */
const LOADED_SENDERS = 180;
/** Last, one connection again with the Notification API stopped: the last 20 senders. */
const CONNECTIONS = 10;
const LOAD_SECONDS = 10;
const WARM_UP_SENDS = 60;
const PAGE_READS = 500;

const person = (stack: BenchStack, role: string): Promise<Neighbour> =>
  benchPerson(stack, "conversations", role);

const json = (token: string) => ({
  authorization: `Bearer ${token}`,
  "content-type": "application/json",
});

/** `who` asks about an item over HTTP: their question thread's id. */
async function ask(stack: BenchStack, who: Neighbour, itemId: string, body: string): Promise<string> {
  const res = await fetch(`${stack.inventory.main.url}/items/${itemId}/conversations`, {
    method: "POST",
    headers: json(who.token),
    body: JSON.stringify({ body }),
  });
  if (res.status !== 201) throw new Error(`asking answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** In batches, so registering (argon2id) does not starve the services of both cores at once. */
async function inBatches<T>(count: number, size: number, make: (index: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let start = 0; start < count; start += size)
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(size, count - start) }, (_, i) => make(start + i)),
      )),
    );
  return out;
}

/** Each sender's sends, interleaved (sender 0, 1, 2, … then again), so requests at once hit different threads. */
function sendsOf(stack: BenchStack, senders: { token: string; thread: string }[]): RequestSpec[] {
  const specs: RequestSpec[] = [];
  for (let n = 0; n < SENDS_PER_SENDER; n += 1)
    for (const sender of senders)
      specs.push({
        url: `${stack.inventory.main.url}/conversations/${sender.thread}/messages`,
        method: "POST",
        headers: json(sender.token),
        body: JSON.stringify({ body: `Bench message ${n + 1}: would Saturday morning suit you?` }),
      });
  return specs;
}

/**
 * Every sender's token checked once before its phase (a GET that sends nothing), so the figures are
 * of sending, not of the first validation of 200 new tokens (the token cache keeps each 30 s).
 */
async function warmTokens(stack: BenchStack, senders: { token: string }[]): Promise<void> {
  for (const sender of senders)
    await fetch(`${stack.inventory.main.url}/conversations/unread-count`, {
      headers: { authorization: `Bearer ${sender.token}` },
    }).then((res) => res.arrayBuffer());
}

/**
 * POST /conversations/:id/messages on one connection and on ten, and GET of the newest page of a
 * 10,000-message thread on one connection, with 100,000 messages in the database.
 */
export async function conversations(stack: BenchStack): Promise<ScenarioResult> {
  const [owner, reader] = [await person(stack, "owner"), await person(stack, "reader")];
  const [longItem, askedItem] = [await listItem(owner.client), await listItem(owner.client)];
  const longThread = await ask(stack, reader, longItem.id, "Hello! Is it free next week?");
  const messages = await seedMessages(
    stack,
    { conversationId: longThread, ownerId: owner.id, askerId: reader.id },
    LONG_THREAD,
  );

  // The newest page of the long thread, as its reader opens it: 20 messages, no cursor.
  const pageUrl = `${stack.inventory.main.url}/conversations/${longThread}/messages?limit=20`;
  const pageInit = { headers: { authorization: `Bearer ${reader.token}` } };
  await sequential(() => pageUrl, 50, pageInit); // warm-up: connection, plans, buffers
  const page = await sequential(() => pageUrl, PAGE_READS, pageInit);

  // The thread as a send reads it first (participant check, names, newest message): the read part of a send.
  const threadUrl = `${stack.inventory.main.url}/conversations/${longThread}`;
  await sequential(() => threadUrl, 50, pageInit);
  const threadRead = await sequential(() => threadUrl, PAGE_READS, pageInit);

  // The same loop against the service's cheapest answer: how loaded the machine itself was.
  const healthUrl = `${stack.inventory.main.url}/healthz`;
  await sequential(() => healthUrl, 50);
  const health = await sequential(() => healthUrl, PAGE_READS);

  const senders = await inBatches(SENDERS, 8, async (i) => {
    const sender = await person(stack, "sender");
    return {
      token: sender.token,
      thread: await ask(stack, sender, askedItem.id, `Question ${i}: still free?`),
    };
  });
  const solo = sendsOf(stack, senders.slice(0, SOLO_SENDERS));
  const loadedSenders = senders.slice(SOLO_SENDERS, SOLO_SENDERS + LOADED_SENDERS);
  const loaded = sendsOf(stack, loadedSenders);
  const quietSenders = senders.slice(SOLO_SENDERS + LOADED_SENDERS);
  await warmTokens(stack, senders.slice(0, SOLO_SENDERS));
  await queueLoad(solo.slice(0, WARM_UP_SENDS), { connections: 1, durationSeconds: 60 });
  const sendSolo = await queueLoad(solo.slice(WARM_UP_SENDS, WARM_UP_SENDS + SOLO_SENDS), {
    connections: 1,
    durationSeconds: 60,
  });
  await warmTokens(stack, loadedSenders);
  const sendLoaded = await queueLoad(loaded, { connections: CONNECTIONS, durationSeconds: LOAD_SECONDS });

  // What consuming the events costs on these two cores: the same sends with the Notification API
  // stopped (the relay still publishes each event to the Redis Stream). This scenario runs last in
  // `npm run bench`, so no later scenario misses the Notification API; the stack's close skips it.
  await stack.notifications.stop("SIGTERM");
  const quiet = sendsOf(stack, quietSenders);
  await warmTokens(stack, quietSenders);
  await queueLoad(quiet.slice(0, WARM_UP_SENDS), { connections: 1, durationSeconds: 60 });
  const sendQuiet = await queueLoad(quiet.slice(WARM_UP_SENDS, WARM_UP_SENDS + SOLO_SENDS), {
    connections: 1,
    durationSeconds: 60,
  });

  const refused = (f: Figures) => f.errors + f.non2xx;
  return {
    title: `Conversations: ${messages.toLocaleString("en")} messages stored, a ${LONG_THREAD.toLocaleString("en")}-message thread`,
    rows: [
      { label: "send a message (POST /conversations/:id/messages), 1 connection", figures: sendSolo },
      { label: `send a message, ${CONNECTIONS} connections`, figures: sendLoaded },
      {
        label: "reference: send, 1 connection, the Notification API stopped (no event consumer)",
        figures: sendQuiet,
      },
      { label: "newest page of the 10,000-message thread (20 messages), 1 connection", figures: page },
      {
        label: "reference: GET /conversations/:id (the read a send starts with), 1 connection",
        figures: threadRead,
      },
      { label: "reference: GET /healthz, 1 connection (the machine's own noise)", figures: health },
    ],
    verdicts: [
      {
        target: "send p95 < 30 ms (1 connection)",
        value: `p50 ${fmt(sendSolo.p50)} ms, p95 ${fmt(sendSolo.p95)} ms, p99 ${fmt(sendSolo.p99)} ms, ${fmt(sendSolo.rps, 0)} req/s`,
        met: sendSolo.p95! < 30 && refused(sendSolo) === 0,
      },
      {
        target: `send under ${CONNECTIONS} connections (reported)`,
        value: `${fmt(sendLoaded.rps, 0)} req/s; p50 ${fmt(sendLoaded.p50)} ms, p95 ${fmt(sendLoaded.p95)} ms, p99 ${fmt(sendLoaded.p99)} ms; ${sendLoaded.requests} sends`,
        met: refused(sendLoaded) === 0,
      },
      {
        target: "newest page of a 10,000-message thread p95 < 20 ms",
        value: `p50 ${fmt(page.p50)} ms, p95 ${fmt(page.p95)} ms, p99 ${fmt(page.p99)} ms`,
        met: page.p95! < 20 && refused(page) === 0,
      },
      {
        target: "no errors, no 429 (each sender stays under 30 messages a minute)",
        value: `${[sendSolo, sendLoaded, sendQuiet, page].reduce((sum, f) => sum + refused(f), 0)}`,
        met: [sendSolo, sendLoaded, sendQuiet, page].every((f) => refused(f) === 0),
      },
    ],
    raw: {
      "send-1": [sendSolo],
      [`send-${CONNECTIONS}`]: [sendLoaded],
      "send-1-no-notification-api": [sendQuiet],
      "newest-page": [page],
      thread: [threadRead],
      healthz: [health],
    },
    notes: [
      `The limit of 30 messages a minute per person has no setting: ${SENDERS} senders, each with their own question thread about one item, send at most ${SENDS_PER_SENDER} messages each, in turn (so requests in flight hit different threads). Every sender's token is validated once before timing.`,
      `Seeded with SQL (generate_series): the ${LONG_THREAD.toLocaleString("en")}-message thread and 900 threads of 100 messages about catalogue items, then VACUUM (ANALYZE) and a CHECKPOINT. Each send also writes its message.created event, which the relay publishes and the Notification API (same machine) consumes while the load runs.`,
    ],
  };
}
