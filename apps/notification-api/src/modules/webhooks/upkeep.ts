import { EVENTS_RETENTION_DAYS } from "@sharehood/sdk/contract";
import type { Logger } from "@sharehood/server-kit";
import type { Db } from "../../db.ts";
import { feedRepository } from "../feed/feed.repository.ts";
import type { WebhookQueue } from "./delivery-queue.ts";
import { webhooksRepository } from "./webhooks.repository.ts";

/** A delivery due this long with nobody sending it has lost its job (a crash between two steps). */
const LEFT_BEHIND_MS = 5 * 60_000;

/**
 * The webhook upkeep, run hourly by one replica (a pg-boss schedule): the feed forgets events older
 * than 30 days (their deliveries with them), and endpoints with a delivery long due and nobody
 * sending are woken.
 */
export function createWebhookUpkeep(deps: { db: Db; queue: WebhookQueue; logger: Logger }) {
  async function wakeLeftBehind(): Promise<void> {
    const ids = await webhooksRepository.leftBehind(deps.db, new Date(Date.now() - LEFT_BEHIND_MS));
    for (const id of ids) await deps.queue.wake(undefined, id);
    if (ids.length > 0) deps.logger.warn({ endpoints: ids.length }, "woke webhook endpoints left behind");
  }

  return {
    wakeLeftBehind,
    async run(): Promise<void> {
      const before = new Date(Date.now() - EVENTS_RETENTION_DAYS * 86_400_000);
      const purged = await feedRepository.purge(deps.db, before);
      if (purged > 0) deps.logger.info({ purged }, "events feed: forgot events older than 30 days");
      await wakeLeftBehind();
    },
  };
}
