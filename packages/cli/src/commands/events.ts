import type { WebhookEvent } from "@sharehood/sdk";
import type { Context } from "../context.ts";
import type { Column } from "../output/table.ts";
import { readPages } from "../pages.ts";

/** A few words about an event for a table or a log line: its subject, and the item when it has one. */
export function describeEvent(event: WebhookEvent): string {
  const data = event.data as { subject: { type: string; id: string }; loan?: { item?: { title?: string } } };
  const title = data.loan?.item?.title;
  return `${data.subject.type} ${data.subject.id}${title ? ` "${title}"` : ""}`;
}

const eventColumns: Column<WebhookEvent>[] = [
  { header: "ID", cell: (event) => event.id, whole: true },
  { header: "TYPE", cell: (event) => event.type },
  { header: "TIME", cell: (event) => event.timestamp.slice(0, 19).replace("T", " ") },
  { header: "ABOUT", cell: describeEvent },
];

/**
 * `sharehood events list [--cursor]`: the feed, oldest first (scope `webhooks:manage`). The
 * `nextCursor` printed at the end is where to continue later.
 */
export async function listEvents(
  context: Context,
  options: { limit?: number; cursor?: string; all?: boolean },
): Promise<void> {
  const client = context.client();
  let last = options.cursor ?? null;
  const page = await readPages(async (cursor) => {
    const answer = await client.events.list({
      query: { limit: options.all ? (options.limit ?? 100) : options.limit, cursor },
    });
    last = answer.nextCursor ?? last;
    return answer;
  }, options);
  // The feed answers null once everything is read; the cursor to continue from is the last one seen.
  const value = { items: page.items, nextCursor: last };
  context.table(value, eventColumns, page.items, "No new events.");
  if (!context.json && value.nextCursor) context.note(`Continue with: --cursor ${value.nextCursor}`);
}
