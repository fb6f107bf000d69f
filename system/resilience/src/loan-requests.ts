import { randomUUID } from "node:crypto";
import { inDays, NEIGHBOUR_PASSWORD } from "@sharehood/test-stack";
import { pace, pick, send, type Sample, type Schedule } from "./load.ts";
import type { World } from "./world.ts";

/**
 * A steady stream of writes in which every acknowledged loan request must become exactly one
 * notification for the item's owner: borrowers among the warm neighbours ask for the items of the
 * others, each request for an item and dates no other request of the run asks for (nothing is
 * approved, so nothing is refused as booked and every answer but 201 is a fault). About one write
 * in eight is a registration (the User API's write, which its own event follows) and one in eight
 * a new listing. `itemIds` limits the items asked for (default: every warm neighbour's), and
 * `firstDay` is the first start date asked for, in days from today (default 5): a second run on the
 * same world starts past the days the first asked for, so no two requests of the world collide.
 */
export async function runLoanRequests(
  world: World,
  options: Schedule & { itemIds?: readonly string[]; firstDay?: number },
): Promise<Sample[]> {
  const samples: Sample[] = [];
  const owners = new Map(world.warm.flatMap((n) => n.itemIds.map((id) => [id, n] as const)));
  const itemIds = options.itemIds ?? [...owners.keys()];
  let counter = 0;

  const operation = async (clock: () => number): Promise<void> => {
    const at = clock();
    const n = (counter += 1);
    const roll = Math.random();
    let op: Sample["op"];
    let res: Awaited<ReturnType<typeof send>>;
    if (roll < 0.125) {
      op = "register";
      const body = {
        email: `load-${n}-${randomUUID().slice(0, 6)}@example.com`,
        password: NEIGHBOUR_PASSWORD,
        name: `Newcomer ${n}`,
      };
      res = await send(`${world.users.url}/auth/register`, { method: "POST", body: JSON.stringify(body) });
    } else if (roll < 0.25) {
      op = "create";
      const body = {
        title: `Listed ${n}`,
        description: "Listed while requests flow.",
        categoryId: "tools",
        condition: "good",
      };
      res = await send(`${world.inventory.url}/items`, {
        method: "POST",
        token: pick(world.warm).token,
        body: JSON.stringify(body),
      });
    } else {
      op = "request-loan";
      // Item by item, then a day later: no two requests of the run share an item and a start date.
      const itemId = itemIds[n % itemIds.length]!;
      const start = (options.firstDay ?? 5) + Math.floor(n / itemIds.length);
      const owner = owners.get(itemId)!;
      const borrower = pick(world.warm.filter((neighbour) => neighbour !== owner));
      res = await send(`${world.inventory.url}/items/${itemId}/loans`, {
        method: "POST",
        token: borrower.token,
        body: JSON.stringify({
          startDate: inDays(start),
          endDate: inDays(start + 1),
          message: `Request ${n}`,
        }),
      });
    }
    samples.push({
      op,
      at,
      doneAt: clock(),
      status: res.status,
      code: res.body?.code,
      id: res.status < 300 ? res.body?.id : undefined,
    });
  };

  await pace(options, operation);
  return samples;
}

/** The writes among samples: what the APIs must keep accepting whatever happens to the others. */
export const isWrite = (s: Sample): boolean =>
  s.op === "register" || s.op === "create" || s.op === "create-cold" || s.op === "request-loan";

/** The ids of the loan requests the Inventory API acknowledged (201). */
export const acknowledgedLoans = (samples: readonly Sample[]): string[] =>
  samples.filter((s) => s.op === "request-loan" && s.status === 201 && s.id).map((s) => s.id!);
