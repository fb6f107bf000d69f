import { inDays, listItem, signIn, signUp, type Neighbour } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failed, lostWrites, runMixedLoad, summarise, type Sample } from "../src/load.ts";
import { startReplicatedStack, type ReplicatedStack } from "../src/stack.ts";
import { cookieHeader, cookiesOf, signInThroughWeb } from "../src/web.ts";

// One stack for every check (nine processes take a while to start on two cores); the checks that
// kill and restart replicas come last.
let r: ReplicatedStack;
let alice: Neighbour;
let bob: Neighbour;
const UPKEEP_SECONDS = 2;

beforeAll(async () => {
  r = await startReplicatedStack("suite", {
    env: {
      users: { UPKEEP_INTERVAL_SECONDS: String(UPKEEP_SECONDS) },
      inventory: { LOAN_EXPIRY_INTERVAL_SECONDS: String(UPKEEP_SECONDS) },
      notifications: { UPKEEP_INTERVAL_SECONDS: String(UPKEEP_SECONDS) },
      // Every request through the web app refreshes the access token (a session's hardest case).
      web: { AUTH_REFRESH_MARGIN_SECONDS: "3600" },
    },
  });
  alice = await signUp(r.client, { email: "alice@example.com", name: "Alice" });
  bob = await signUp(r.client, { email: "bob@example.com", name: "Bob" });
});
afterAll(() => r?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status `url` answers `token` with. */
const statusOf = (url: string, token: string) =>
  fetch(url, { headers: { authorization: `Bearer ${token}` } }).then(
    async (res) => {
      await res.arrayBuffer();
      return res.status;
    },
    () => 0,
  );

it("refuses a signed-out token on every replica of every API within a second", async () => {
  const { token } = await signIn(r.client, { email: alice.email, password: alice.password });
  const urls = [
    ...r.replicas.users.map((p) => `${p.url}/users/me`),
    ...r.replicas.inventory.map((p) => `${p.url}/loans`),
    ...r.replicas.notifications.map((p) => `${p.url}/notifications`),
  ];
  // Every replica has seen the token (and cached it, where it caches).
  const seen = await Promise.all(urls.map(async (url) => [url, await statusOf(url, token)] as const));
  expect(Object.fromEntries(seen)).toEqual(Object.fromEntries(urls.map((url) => [url, 200])));

  const out = await fetch(`${r.replicas.users[1].url}/auth/logout`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
  });
  expect(out.status).toBe(204);
  const deadline = Date.now() + 1_000;
  const refused = await Promise.all(
    urls.map(async (url) => {
      for (;;) {
        const status = await statusOf(url, token);
        if (status === 401 || Date.now() > deadline) return status;
        await sleep(50);
      }
    }),
  );
  expect(refused).toEqual(urls.map(() => 401));
});

it("never answers a read from one replica with data older than a write through the other", async () => {
  const item = await listItem(alice.client, { title: "Ladder v0" });
  const clients = [r.replicaClient(0)(alice.token), r.replicaClient(1)(alice.token)];
  let etag: string | undefined;
  for (let i = 1; i <= 12; i += 1) {
    const [writer, reader] = [r.replicas.inventory[i % 2]!, r.replicas.inventory[(i + 1) % 2]!];
    await clients[i % 2]!.items.update({ params: { id: item.id }, body: { title: `Ladder v${i}` } });
    // Read at once from the other replica: the item, a search, and a conditional GET with the
    // ETag of the version before, which must not be answered 304.
    const [one, list, conditional] = await Promise.all([
      fetch(`${reader.url}/items/${item.id}`).then((res) => res.json() as Promise<{ title: string }>),
      fetch(`${reader.url}/items?q=Ladder`).then(
        (res) => res.json() as Promise<{ items: { title: string }[] }>,
      ),
      fetch(`${reader.url}/items/${item.id}`, { headers: etag ? { "if-none-match": etag } : {} }),
    ]);
    expect([one.title, list.items[0]?.title, conditional.status], `write ${i} via ${writer.name}`).toEqual([
      `Ladder v${i}`,
      `Ladder v${i}`,
      200,
    ]);
    etag = conditional.headers.get("etag") ?? undefined;
    await conditional.arrayBuffer();
    // The writer's own ETag for this version is the reader's: a client may alternate replicas.
    const again = await fetch(`${writer.url}/items/${item.id}`, { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  }
});

/** The events a Server-Sent Events stream sends, read as they come. */
async function openStream(url: string, token: string) {
  const events: { event: string; data: string }[] = [];
  const controller = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const field = (name: string) =>
            block
              .split("\n")
              .filter((line) => line.startsWith(`${name}:`))
              .map((line) => line.slice(name.length + 1).trim())
              .join("\n");
          if (field("event") || field("data"))
            events.push({ event: field("event") || "message", data: field("data") });
        }
      }
    } catch {
      // aborted
    }
  })();
  return { events, close: () => controller.abort() };
}

it("brings a notification to a stream held by either Notification API replica", async () => {
  const item = await listItem(bob.client, { title: "Tent" });
  // Bob's streams: one on each replica directly, one through nginx (unbuffered, as browsers get it).
  const streams = await Promise.all([
    ...r.replicas.notifications.map((p) => openStream(`${p.url}/notifications/stream`, bob.token)),
    openStream(`${r.urls.notifications}/notifications/stream`, bob.token),
  ]);
  try {
    // Whichever replica's consumer handles each request, one of Bob's streams is on the other.
    const loans: { id: string }[] = [];
    for (let i = 0; i < 4; i += 1) {
      loans.push(
        await alice.client.loans.request({
          params: { id: item.id },
          body: { startDate: inDays(10 + 3 * i), endDate: inDays(11 + 3 * i) },
        }),
      );
    }
    const told = (s: (typeof streams)[number]) =>
      loans.filter((loan) => s.events.some((e) => e.event === "notification" && e.data.includes(loan.id)))
        .length;
    for (let waited = 0; waited < 15_000 && streams.some((s) => told(s) < loans.length); waited += 200)
      await sleep(200);
    expect(streams.map(told)).toEqual(streams.map(() => loans.length));
  } finally {
    streams.forEach((s) => s.close());
  }
});

it("keeps a web session signed in on either web replica, across token refreshes", async () => {
  const jar = await signInThroughWeb(r.replicas.web[0].url, { email: alice.email, password: alice.password });
  const first = jar.get("sharehood.session");
  expect(first).toBeDefined();
  for (const replica of [1, 0, 1] as const) {
    const res = await fetch(`${r.replicas.web[replica].url}/api/viewer`, {
      headers: { cookie: cookieHeader(jar) },
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { id?: string } | null)?.id).toBe(alice.id);
    cookiesOf(res, jar);
  }
  // Each answer refreshed the tokens (the margin is longer than their life): a new cookie came back.
  expect(jar.get("sharehood.session")).not.toBe(first);
});

/** The sum of a counter's series with this label value over every replica of a service. */
async function runsOf(service: "users" | "inventory" | "notifications", task: string): Promise<number> {
  let sum = 0;
  for (const replica of r.replicas[service]) {
    const text = await (await fetch(`${replica.url}/metrics`)).text();
    // Other labels (the service's defaults) may come before or after the task's.
    const line = text
      .split("\n")
      .find((l) => l.startsWith("periodic_task_runs_total{") && l.includes(`task="${task}"`));
    sum += Number(line?.split(" ").pop() ?? 0);
  }
  return sum;
}

it("runs each scheduled job once per period across two replicas", async () => {
  // The stack has run for a while with two-second periods: count the runs both replicas made.
  for (const [service, task] of [
    ["users", "token purge"],
    ["inventory", "maintenance"],
    ["notifications", "notification upkeep"],
  ] as const) {
    const runs = await runsOf(service, task);
    const [row] = await r.queryIn<{ first: string; claims: string }>(
      service,
      `SELECT min(period)::text AS first, count(*)::text AS claims FROM periodic_runs WHERE task = $1`,
      [task],
    );
    const periods = Math.floor(Date.now() / (UPKEEP_SECONDS * 1000)) - Number(row!.first) + 1;
    expect(periods, task).toBeGreaterThan(3);
    // One run per claimed period (the replicas never both ran one), and no period run twice.
    expect(runs, task).toBeGreaterThanOrEqual(Number(row!.claims) - 1); // a run may be starting
    expect(runs, task).toBeLessThanOrEqual(Number(row!.claims));
    expect(Number(row!.claims), task).toBeLessThanOrEqual(periods);
  }
});

describe("replicas dying and restarting under load", () => {
  const people = () => [alice, bob];

  it(
    "loses no acknowledged write and fails only requests in flight when one replica of each is killed",
    {
      timeout: 180_000,
    },
    async () => {
      const victims = [
        r.replicas.users[0],
        r.replicas.inventory[0],
        r.replicas.notifications[0],
        r.replicas.web[0],
      ];
      let killedBy = 0;
      const samples: Sample[] = await runMixedLoad(r, people(), {
        rps: 40,
        durationMs: 6_000,
        events: {
          2_500: async () => {
            await Promise.all(victims.map((p) => p.stop("SIGKILL")));
            killedBy = Math.max(...victims.map((p) => p.exitedAt!));
          },
        },
      });
      const failures = samples.filter(failed);
      expect(samples.filter((s) => s.sentAt < killedBy).length).toBeGreaterThan(20);
      expect(
        failures.filter((s) => s.sentAt > killedBy),
        JSON.stringify(summarise(samples)),
      ).toEqual([]);
      expect(await lostWrites(r, samples)).toEqual([]);
      await Promise.all(victims.map((p) => p.start(90_000)));
    },
  );

  it(
    "fails no request during a rolling restart (SIGTERM, one replica at a time)",
    { timeout: 240_000 },
    async () => {
      let done = false;
      const restart = r.rollingRestart().finally(() => (done = true));
      const samples: Sample[] = [];
      while (!done) samples.push(...(await runMixedLoad(r, people(), { rps: 30, durationMs: 2_000 })));
      await restart;
      expect(samples.length).toBeGreaterThan(20);
      expect(samples.filter(failed), JSON.stringify(summarise(samples))).toEqual([]);
      expect(await lostWrites(r, samples)).toEqual([]);
    },
  );
});
