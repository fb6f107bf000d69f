/**
 * Follows the events feed: catches up on everything since the cursor it saved last time (events
 * are kept 30 days), then asks again every few seconds. Ctrl-C stops it; run it again and it goes
 * on where it was. The same events a webhook would receive, without a public URL.
 *
 *   SHAREHOOD_TOKEN=shp_… npx tsx examples/events-catch-up.ts [cursor-file]
 *
 * The token needs the `webhooks:manage` scope.
 */
import { readFile, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { SharehoodAbortError, type WebhookEvent } from "@sharehood/sdk";
import { clientFromEnv, required } from "./client-from-env.ts";

required("SHAREHOOD_TOKEN");
const client = clientFromEnv();
const cursorFile = process.argv[2] ?? ".sharehood-events-cursor";
const stop = new AbortController();
process.once("SIGINT", () => stop.abort());

function handle(event: WebhookEvent) {
  console.log(`${event.timestamp}  ${event.type}  ${event.data.subject.type} ${event.data.subject.id}`);
}

let cursor: string | undefined = (await readFile(cursorFile, "utf8").catch(() => "")).trim() || undefined;
try {
  while (!stop.signal.aborted) {
    const page = await client.events.list({ query: { cursor, limit: 100 } }, { signal: stop.signal });
    for (const event of page.items) handle(event);
    if (page.nextCursor) {
      // Saved after handling the page: a crash in between replays it (deduplicate by event.id).
      cursor = page.nextCursor;
      await writeFile(cursorFile, cursor);
      continue;
    }
    // Caught up: an empty page answers no cursor. Ask again later with the one we have.
    await sleep(5_000, undefined, { signal: stop.signal }).catch(() => undefined);
  }
} catch (error) {
  if (!(error instanceof SharehoodAbortError)) throw error;
}
console.log(cursor ? `Stopped; next time from ${cursor}.` : "Stopped.");
