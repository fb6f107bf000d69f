import type { NewDomainEvent } from "@sharehood/sdk";
import { writeEvents, type OutboxRelay } from "@sharehood/server-kit";
import type { Db, Tx } from "../../db.ts";

/** The name this service's events carry as their `source`. */
export const EVENT_SOURCE = "user-api";

/** How the repositories write events: in the change's own transaction, then wake the relay. */
export interface Outbox {
  /**
   * Runs `change` in one transaction with the events it writes through `write` (server-kit's
   * outbox), so the events exist exactly when the change does; once it has committed, the relay
   * publishes at once rather than at its next poll.
   */
  transaction<T>(
    change: (tx: Tx, write: (events: readonly NewDomainEvent[]) => Promise<void>) => Promise<T>,
  ): Promise<T>;
}

/** The outbox of this service's database; without a relay (scripts) events wait for the service's. */
export function createOutbox(db: Db, relay?: Pick<OutboxRelay, "nudge">): Outbox {
  return {
    async transaction(change) {
      let wrote = false;
      const result = await db.$transaction((tx) =>
        change(tx, async (events) => {
          wrote ||= events.length > 0;
          await writeEvents(tx, EVENT_SOURCE, events);
        }),
      );
      if (wrote) relay?.nudge();
      return result;
    },
  };
}
