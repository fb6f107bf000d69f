import { inDays, listItem, signIn, signUp, type Neighbour } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { failed, lostWrites, runMixedLoad, summarise, type Sample } from "../src/load.ts";
import { SERVICES, startReplicatedStack, type ReplicatedStack } from "../src/stack.ts";
import { cookieHeader, cookiesOf, signInThroughWeb } from "../src/web.ts";

// One stack for every check (nine processes take a while to start on two cores); the checks that
// kill and restart replicas come last.
let r: ReplicatedStack;
let alice: Neighbour;
let bob: Neighbour;
const UPKEEP_SECONDS = 2;
let startedAt = 0;

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
  startedAt = Date.now();
  alice = await signUp(r.client, { email: "alice@example.com", name: "Alice" });
  bob = await signUp(r.client, { email: "bob@example.com", name: "Bob" });
});
afterAll(() => r?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The status `url` answers `token` with (0: no answer). */
const statusOf = (url: string, token: string) =>
  fetch(url, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(30_000) }).then(
    async (res) => {
      await res.arrayBuffer();
      return res.status;
    },
    () => 0,
  );

/** One replica's URL of each API that a token may read (`accepted`: the status while it is valid). */
function everyReplica(paths: Record<"users" | "inventory" | "notifications", [string, number]>) {
  return (["users", "inventory", "notifications"] as const).flatMap((service) =>
    r.replicas[service].map((p) => ({ url: `${p.url}${paths[service][0]}`, accepted: paths[service][1] })),
  );
}

/**
 * Revokes `token` with `revoke` once every replica has accepted it (each has validated it, and
 * cached it where it caches; a busy replica may answer 503 first, so each is asked until it
 * accepts), then asks every replica again every 25 ms, without waiting for the answers before,
 * until it refuses (401). Answers, per replica, how long after the revocation was acknowledged
 * the last request it accepted was sent, and how long until it first refused.
 */
async function revokeEverywhere(
  token: string,
  targets: { url: string; accepted: number }[],
  revoke: () => Promise<Response>,
) {
  await Promise.all(
    targets.map(async ({ url, accepted }) => {
      for (let status = 0; status !== accepted;) {
        status = await statusOf(url, token);
        expect([accepted, 503, 0], url).toContain(status);
      }
    }),
  );
  const res = await revoke();
  await res.arrayBuffer();
  expect(res.status).toBe(204);
  const revokedAt = Date.now();
  return Promise.all(
    targets.map(async ({ url, accepted }) => {
      const answers: Promise<{ sentAt: number; status: number }>[] = [];
      let refusedAt: number | undefined;
      // Stops at the first refusal, or ten seconds on (which the assertion then shows).
      while (refusedAt === undefined && Date.now() - revokedAt < 10_000) {
        const sentAt = Date.now();
        answers.push(
          statusOf(url, token).then((status) => {
            if (status === 401) refusedAt ??= Date.now();
            return { sentAt, status };
          }),
        );
        await sleep(25);
      }
      const all = await Promise.all(answers);
      const lastAccepted = Math.max(
        -1,
        ...all.filter((a) => a.status === accepted).map((a) => a.sentAt - revokedAt),
      );
      return {
        url,
        lastAcceptedMs: lastAccepted,
        refused: all.some((a) => a.status === 401),
        others: all.filter((a) => a.status !== accepted && a.status !== 401).map((a) => a.status),
      };
    }),
  );
}

/** The product's promise: no replica accepts a request sent more than a second after the revocation. */
function expectRefusedWithinASecond(results: Awaited<ReturnType<typeof revokeEverywhere>>) {
  for (const result of results) {
    expect(result.refused, JSON.stringify(result)).toBe(true);
    expect(result.lastAcceptedMs, JSON.stringify(result)).toBeLessThanOrEqual(1_000);
  }
}

it(
  "refuses a signed-out session's token and a revoked personal access token on every replica of every API within a second",
  { timeout: 120_000 },
  async () => {
    const { token } = await signIn(r.client, { email: alice.email, password: alice.password });
    const session = await revokeEverywhere(
      token,
      everyReplica({
        users: ["/users/me", 200],
        inventory: ["/loans", 200],
        notifications: ["/notifications", 200],
      }),
      () =>
        fetch(`${r.replicas.users[1].url}/auth/logout`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}` },
        }),
    );
    expectRefusedWithinASecond(session);

    // A token for a script: loans:read, so the Notification API (whose every route needs a
    // signed-in session) accepts it as a token and refuses it the route (403) until revoked.
    const pat = await alice.client.tokens.create({ body: { name: "Replica check", scopes: ["loans:read"] } });
    const script = await revokeEverywhere(
      pat.token,
      everyReplica({
        users: ["/users/me", 200],
        inventory: ["/loans", 200],
        notifications: ["/notifications", 403],
      }),
      () =>
        fetch(`${r.replicas.users[0].url}/users/me/tokens/${pat.id}`, {
          method: "DELETE",
          headers: { authorization: `Bearer ${alice.token}` },
        }),
    );
    expectRefusedWithinASecond(script);
  },
);

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

it("runs each scheduled job once per period across two replicas", { timeout: 60_000 }, async () => {
  // Both replicas of each have run for at least four two-second periods (the checks before take
  // that long on a busy machine, not always on a quiet one).
  await sleep(Math.max(0, startedAt + 4 * UPKEEP_SECONDS * 1000 - Date.now()));
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
    "loses no acknowledged write and fails only requests in flight when one replica of each service is killed at once",
    { timeout: 300_000 },
    async () => {
      const victims = SERVICES.map((service) => r.replicas[service][0]);
      let killAt = 0;
      let goneAt = 0;
      const samples: Sample[] = await runMixedLoad(r, people(), {
        rps: 20,
        durationMs: 6_000,
        events: {
          2_000: async () => {
            killAt = Date.now();
            await Promise.all(victims.map((p) => p.stop("SIGKILL")));
            goneAt = Math.max(...victims.map((p) => p.exitedAt!));
          },
        },
      });
      // Restarted at once, as Kubernetes would, before anything can fail the check.
      const restarted = r.start(...victims);
      try {
        expect(samples.filter((s) => s.sentAt < killAt).length).toBeGreaterThan(10);
        expect(samples.filter((s) => s.sentAt > goneAt).length).toBeGreaterThan(10);
        // In flight at the kill: sent before every victim was gone (and a moment for nginx to
        // see the closed connections), answered after the kill.
        const inFlight = (s: Sample) => s.sentAt <= goneAt + 250 && s.doneAt >= killAt;
        expect(
          samples.filter((s) => failed(s) && !inFlight(s)),
          JSON.stringify(summarise(samples)),
        ).toEqual([]);
        expect(await lostWrites(r, samples)).toEqual([]);
      } finally {
        await restarted;
      }
    },
  );

  it(
    "fails no request during a rolling restart of every service (SIGTERM, one replica of each at a time)",
    { timeout: 300_000 },
    async () => {
      let done = false;
      const restart = r.rollingRestart().finally(() => (done = true));
      const samples: Sample[] = [];
      while (!done) samples.push(...(await runMixedLoad(r, people(), { rps: 20, durationMs: 1_000 })));
      await restart;
      expect(samples.length).toBeGreaterThan(20);
      expect(samples.filter(failed), JSON.stringify(summarise(samples))).toEqual([]);
      expect(await lostWrites(r, samples)).toEqual([]);
    },
  );
});
