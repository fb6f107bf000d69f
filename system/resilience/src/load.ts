import { inDays } from "@sharehood/test-stack";
import type { Neighbour, World } from "./world.ts";

/** One request the load made, and what came of it. */
export interface Sample {
  op: "list" | "get" | "create" | "create-cold" | "request-loan" | "approve" | "register";
  /** Milliseconds after the load started, when the request was sent. */
  at: number;
  /** Milliseconds after the load started, when the answer (or the failure) came. */
  doneAt: number;
  /** The HTTP status, or 0 when no response came (connection refused or reset, timeout). */
  status: number;
  code?: string;
  /** The id of what a successful write created. */
  id?: string;
}

export const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;

/** Sends one JSON request; answers the status (0 when no response came) and the JSON body. */
export async function send(
  url: string,
  init: RequestInit & { token?: string },
): Promise<{ status: number; body?: { id?: string; code?: string } }> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  try {
    const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    return {
      status: res.status,
      body: text.startsWith("{") ? (JSON.parse(text) as { id?: string; code?: string }) : undefined,
    };
  } catch {
    return { status: 0 };
  }
}

/**
 * A bounded mixed load at `rps` requests a second for `durationMs`: browsing and searching,
 * opening items, listing new items (with tokens the Inventory API has and has not seen), and
 * borrowing (requests, approvals that race for the same dates). `events` lets a scenario inject
 * its fault while the load runs. `cold` are the neighbours whose never-seen tokens list items, each
 * once (without them, those writes are borrowing too); `loanItems` are the few items borrowing
 * races for (default: the first four). Scenarios sharing a world each take their own of both, so
 * each finds its tokens unseen and its items' calendars free.
 */
export async function runLoad(
  world: World,
  options: Schedule & { cold?: readonly Neighbour[]; loanItems?: readonly string[] },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const inventory = world.inventory.url;
  const itemIds = world.warm.flatMap((n) => n.itemIds);
  const owners = new Map(world.warm.flatMap((n) => n.itemIds.map((id) => [id, n] as const)));
  const cold = [...(options.cold ?? [])];
  const loanItems = options.loanItems ?? itemIds.slice(0, 4);
  let counter = 0;

  const operation = async (clock: () => number): Promise<void> => {
    const at = clock();
    const roll = Math.random();
    const record = (op: Sample["op"], res: { status: number; body?: { id?: string; code?: string } }) => {
      samples.push({
        op,
        at,
        doneAt: clock(),
        status: res.status,
        code: res.body?.code,
        id: res.status < 300 ? res.body?.id : undefined,
      });
      return res;
    };
    counter += 1;
    if (roll < 0.45) {
      const query = pick(["", "?category=tools", "?q=seed", "?sort=title&limit=10", `?q=load${counter % 7}`]);
      record("list", await send(`${inventory}/items${query}`, { method: "GET" }));
    } else if (roll < 0.7) {
      record("get", await send(`${inventory}/items/${pick(itemIds)}`, { method: "GET" }));
    } else if (roll < 0.85) {
      const author = pick(world.warm);
      const body = {
        title: `Load item ${counter}`,
        description: `Listed under load (load${counter % 7}).`,
        categoryId: "tools",
        condition: "good",
      };
      record(
        "create",
        await send(`${inventory}/items`, { method: "POST", token: author.token, body: JSON.stringify(body) }),
      );
    } else if (roll < 0.9 && cold.length > 0) {
      const author = cold.shift()!;
      const body = {
        title: `Cold item ${counter}`,
        description: "Listed with a token never seen before.",
        categoryId: "tools",
        condition: "good",
      };
      record(
        "create-cold",
        await send(`${inventory}/items`, { method: "POST", token: author.token, body: JSON.stringify(body) }),
      );
    } else {
      // Borrowing: overlapping ranges on a few items, approved at once, so approvals race.
      const itemId = pick(loanItems);
      const owner = owners.get(itemId)!;
      const borrower = pick(world.warm.filter((n) => n !== owner));
      const start = 10 + Math.floor(Math.random() * 20);
      const requested = record(
        "request-loan",
        await send(`${inventory}/items/${itemId}/loans`, {
          method: "POST",
          token: borrower.token,
          body: JSON.stringify({ startDate: inDays(start), endDate: inDays(start + 2) }),
        }),
      );
      if (requested.status === 201 && requested.body?.id) {
        record(
          "approve",
          await send(`${inventory}/loans/${requested.body.id}/approve`, {
            method: "POST",
            token: owner.token,
          }),
        );
      }
    }
  };

  await pace(options, operation);
  return samples;
}

/** A load's pace: `rps` operations a second for `durationMs`, and faults to inject at given times. */
export interface Schedule {
  rps: number;
  durationMs: number;
  /** Run once each, at about this many milliseconds after the start; awaited before the load ends. */
  events?: Record<number, () => Promise<void>>;
}

/**
 * Starts `operation` `rps` times a second (at most 256 in flight, so a stalled service cannot make
 * the load unbounded) for `durationMs`, runs each scheduled event on time, and resolves once every
 * operation and event has finished. `clock` answers the milliseconds since the start.
 */
export async function pace(
  schedule: Schedule,
  operation: (clock: () => number) => Promise<void>,
): Promise<void> {
  const started = Date.now();
  const clock = () => Date.now() - started;
  const inflight = new Set<Promise<void>>();
  const pending = Object.entries(schedule.events ?? {}).map(([ms, run]) => ({
    ms: Number(ms),
    run,
    done: false,
  }));
  const faults: Promise<void>[] = [];
  let owed = 0;
  while (clock() < schedule.durationMs) {
    for (const event of pending) {
      if (!event.done && clock() >= event.ms) {
        event.done = true;
        faults.push(event.run());
      }
    }
    owed += schedule.rps / 100;
    while (owed >= 1 && inflight.size < 256) {
      owed -= 1;
      const p: Promise<void> = operation(clock).finally(() => inflight.delete(p));
      inflight.add(p);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  await Promise.all([...inflight, ...faults]);
}

/** Waits until the inventory database stops changing, so no request still in flight can move the goalposts. */
export async function settle(world: World): Promise<void> {
  let previous = "";
  for (let i = 0; i < 40; i += 1) {
    const rows = await world.query<{ items: string; loans: string }>(
      `SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM loans) AS loans`,
    );
    const now = JSON.stringify(rows[0]);
    if (now === previous) return;
    previous = now;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** The checks every scenario ends with: acknowledged writes are stored, and no item is double-booked. */
export async function checkInvariants(
  world: World,
  samples: Sample[],
): Promise<{ acknowledged: number; stored: number; overlaps: number }> {
  await settle(world);
  const acknowledged = samples
    .filter(
      (s) =>
        (s.op === "create" || s.op === "create-cold" || s.op === "request-loan") && s.status === 201 && s.id,
    )
    .map((s) => s.id!);
  const rows = await world.query<{ id: string }>(
    `SELECT id FROM items WHERE id = ANY($1) UNION ALL SELECT id FROM loans WHERE id = ANY($1)`,
    [acknowledged],
  );
  const overlaps = await world.query<{ n: string }>(`
    SELECT count(*) AS n FROM loans a JOIN loans b ON a.item_id = b.item_id AND a.id < b.id
    WHERE a.status IN ('approved', 'active') AND b.status IN ('approved', 'active')
      AND daterange(a.start_date, a.end_date, '[]') && daterange(b.start_date, b.end_date, '[]')`);
  return { acknowledged: acknowledged.length, stored: rows.length, overlaps: Number(overlaps[0]?.n ?? 0) };
}

/** Counts samples by op and status, for the report a failing assertion prints. */
export function summarise(samples: Sample[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const s of samples) {
    const row = (out[s.op] ??= {});
    const key = s.code ? `${s.status} ${s.code}` : String(s.status);
    row[key] = (row[key] ?? 0) + 1;
  }
  return out;
}
