import type { Notification } from "@sharehood/sdk";
import type { World } from "./world.ts";

/** How the acknowledged loan requests came out on the Notification API, by loan id. */
export interface RequestNotifications {
  /** Loans whose owner has exactly one `loan.requested` notification for them, and nobody else any. */
  delivered: number;
  /** Loans with no `loan.requested` notification anywhere. */
  missing: string[];
  /** Loans with more than one. */
  duplicated: string[];
  /** Loans whose notification reached someone other than the item's owner. */
  misdirected: string[];
}

/** The loan a notification is about: its `url` is the web app's page of the loan, `/loans/<id>`. */
const loanOf = (notification: Notification): string | undefined => {
  const match = /^\/loans\/([^/?#]+)$/.exec(notification.url);
  return match ? decodeURIComponent(match[1]!) : undefined;
};

/** Everything `token`'s owner can read at `GET /notifications`, following the cursor to the end. */
export async function readAllNotifications(world: World, token: string): Promise<Notification[]> {
  const client = world.client(token);
  const all: Notification[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.notifications.list({ query: { limit: 100, ...(cursor ? { cursor } : {}) } });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return all;
}

/**
 * Reads every warm neighbour's notifications through the Notification API, as each would see them,
 * and counts the `loan.requested` ones of each loan in `loanIds`: each should be in its owner's
 * list (the owner as the Inventory API stored it), once.
 */
export async function countRequestNotifications(
  world: World,
  loanIds: readonly string[],
): Promise<RequestNotifications> {
  const rows = await world.query<{ id: string; owner_id: string }>(
    `SELECT id, owner_id FROM loans WHERE id = ANY($1)`,
    [loanIds],
  );
  const ownerOf = new Map(rows.map((row) => [row.id, row.owner_id]));
  const recipients = new Map<string, string[]>();
  for (const neighbour of world.warm) {
    for (const notification of await readAllNotifications(world, neighbour.token)) {
      const loanId = notification.type === "loan.requested" ? loanOf(notification) : undefined;
      if (loanId) recipients.set(loanId, [...(recipients.get(loanId) ?? []), neighbour.id]);
    }
  }
  const outcome: RequestNotifications = { delivered: 0, missing: [], duplicated: [], misdirected: [] };
  for (const loanId of loanIds) {
    const told = recipients.get(loanId) ?? [];
    if (told.length === 0) outcome.missing.push(loanId);
    else if (told.length > 1) outcome.duplicated.push(loanId);
    else if (told[0] !== ownerOf.get(loanId)) outcome.misdirected.push(loanId);
    else outcome.delivered += 1;
  }
  return outcome;
}

/**
 * Counts again every second until every loan is accounted for (delivered, duplicated or misdirected:
 * waiting longer changes none of those) or `timeoutMs` has passed; answers the last count and how
 * long the wait took.
 */
export async function awaitRequestNotifications(
  world: World,
  loanIds: readonly string[],
  timeoutMs: number,
): Promise<RequestNotifications & { waitedMs: number }> {
  const started = Date.now();
  for (;;) {
    const outcome = await countRequestNotifications(world, loanIds);
    const waitedMs = Date.now() - started;
    if (outcome.missing.length === 0 || waitedMs > timeoutMs) return { ...outcome, waitedMs };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}
