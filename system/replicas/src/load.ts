import { randomUUID } from "node:crypto";
import { pace, pick, type Schedule } from "@sharehood/resilience/src/load.ts";
import type { ReplicatedStack } from "./stack.ts";

/** One request of the load, through nginx, and what came of it. */
export interface Sample {
  service: "users" | "inventory" | "notifications" | "web";
  op: "list" | "create" | "register" | "notifications" | "page";
  /** Epoch milliseconds when it was sent and when its answer (or failure) came. */
  sentAt: number;
  doneAt: number;
  /** The HTTP status, 0 when no answer came. */
  status: number;
  /** What an acknowledged write created. */
  id?: string;
}

/**
 * Sends one request on a connection of its own (`connection: close`); answers the status (0 when
 * no answer came) and the JSON body.
 *
 * A connection of its own: when nginx reloads (a replica out of rotation, or back), its old worker
 * closes its idle keep-alive connections with clients, and a request written on one at that very
 * moment is lost on the way in. Browsers send such a request again; a load generator that does not
 * would count nginx's reload against the replicas, which never saw it.
 */
/** What a write answers: an item its id, a registration its user's. */
type Created = { id?: string; user?: { id?: string } };

async function send(
  url: string,
  init: { method: string; token?: string; body?: string },
): Promise<{ status: number; body?: Created }> {
  const headers: Record<string, string> = { "content-type": "application/json", connection: "close" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  try {
    // Generous: a request waits its turn for one of two busy cores; a lost one has no answer at all.
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    return { status: res.status, body: text.startsWith("{") ? (JSON.parse(text) as Created) : undefined };
  } catch {
    return { status: 0 };
  }
}

/**
 * A mixed load through nginx on every service: catalogue reads and new listings (Inventory API),
 * registrations (User API), notification lists (Notification API) and pages (web app), `rps`
 * a second for `durationMs`, with `events` run on time (a kill, a restart).
 */
export async function runMixedLoad(
  r: ReplicatedStack,
  people: readonly { token: string }[],
  schedule: Schedule,
): Promise<Sample[]> {
  const samples: Sample[] = [];
  await pace(schedule, async () => {
    const sentAt = Date.now();
    const roll = Math.random();
    let service: Sample["service"];
    let op: Sample["op"];
    let res: Awaited<ReturnType<typeof send>>;
    if (roll < 0.3) {
      [service, op] = ["inventory", "list"];
      res = await send(`${r.urls.inventory}/items?limit=10`, { method: "GET" });
    } else if (roll < 0.5) {
      [service, op] = ["inventory", "create"];
      res = await send(`${r.urls.inventory}/items`, {
        method: "POST",
        token: pick(people).token,
        body: JSON.stringify({
          title: `Listed under load ${randomUUID().slice(0, 8)}`,
          description: "Listed while replicas come and go.",
          categoryId: "tools",
          condition: "good",
        }),
      });
    } else if (roll < 0.65) {
      [service, op] = ["users", "register"];
      res = await send(`${r.urls.users}/auth/register`, {
        method: "POST",
        body: JSON.stringify({
          email: `load-${randomUUID()}@example.com`,
          password: "password123",
          name: "Newcomer",
        }),
      });
    } else if (roll < 0.85) {
      [service, op] = ["notifications", "notifications"];
      res = await send(`${r.urls.notifications}/notifications?limit=5`, {
        method: "GET",
        token: pick(people).token,
      });
    } else {
      [service, op] = ["web", "page"];
      res = await send(`${r.urls.web}/`, { method: "GET" });
    }
    // An item answers its id; a registration, its user's.
    const body = res.status < 300 ? res.body : undefined;
    samples.push({
      service,
      op,
      sentAt,
      doneAt: Date.now(),
      status: res.status,
      id: body?.id ?? body?.user?.id,
    });
  });
  return samples;
}

/** A request that failed: no answer, or a 5xx. */
export const failed = (s: Sample): boolean => s.status === 0 || s.status >= 500;

/** Counts samples by service, op and status, for the message of a failing assertion. */
export function summarise(samples: readonly Sample[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of samples) {
    const key = `${s.op} ${s.status}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

/** The acknowledged writes' ids that are not in their service's database. */
export async function lostWrites(r: ReplicatedStack, samples: readonly Sample[]): Promise<string[]> {
  const acked = (op: Sample["op"]) =>
    samples.filter((s) => s.op === op && s.status >= 200 && s.status < 300 && s.id).map((s) => s.id!);
  const items = acked("create");
  const users = acked("register");
  const storedItems = await r.queryIn<{ id: string }>(
    "inventory",
    `SELECT id::text AS id FROM items WHERE id::text = ANY($1)`,
    [items],
  );
  const storedUsers = await r.queryIn<{ id: string }>(
    "users",
    `SELECT id::text AS id FROM users WHERE id::text = ANY($1)`,
    [users],
  );
  const stored = new Set([...storedItems, ...storedUsers].map((row) => row.id));
  return [...items, ...users].filter((id) => !stored.has(id));
}
