import type { CreateWebhookBody, WebhookDelivery, Webhook } from "@sharehood/sdk";
import type { Context } from "../context.ts";
import type { Column } from "../output/table.ts";
import { readPages } from "../pages.ts";

// Webhook commands need the `webhooks:manage` scope (or a signed-in session).

const webhookColumns: Column<Webhook>[] = [
  { header: "ID", cell: (hook) => hook.id, whole: true },
  { header: "URL", cell: (hook) => hook.url },
  { header: "EVENTS", cell: (hook) => hook.events.join(",") },
  {
    header: "STATE",
    cell: (hook) => (hook.disabledAt ? `disabled: ${hook.disabledReason ?? ""}` : "active"),
  },
  { header: "CREATED", cell: (hook) => hook.createdAt.slice(0, 10) },
];

/** `sharehood webhooks list`. */
export async function listWebhooks(context: Context): Promise<void> {
  const page = await context.client().webhooks.list({});
  context.table(page, webhookColumns, page.items, "No webhooks.");
}

/** `sharehood webhooks create --url --event …`: prints the signing secret, this once. */
export async function createWebhook(
  context: Context,
  options: { url: string; event?: string[] },
): Promise<void> {
  // The API names the event types if one is wrong; none given means every event.
  const events = (options.event?.length ? options.event : ["*"]) as CreateWebhookBody["events"];
  const created = await context.client().webhooks.create({ body: { url: options.url, events } });
  context.result(created, () => created.secret);
  if (!context.json)
    context.note(
      `Registered webhook ${created.id} for ${created.events.join(", ")} at ${created.url}. ` +
        "Above is its signing secret: copy it now, it is not shown again.",
    );
}

/** `sharehood webhooks delete <id>`. */
export async function deleteWebhook(context: Context, id: string): Promise<void> {
  await context.client().webhooks.delete({ params: { id } });
  context.result({ deleted: id }, () => `Deleted webhook ${id}.`);
}

const deliveryColumns: Column<WebhookDelivery>[] = [
  { header: "ID", cell: (delivery) => delivery.id, whole: true },
  { header: "EVENT", cell: (delivery) => delivery.eventType },
  { header: "STATUS", cell: (delivery) => delivery.status },
  { header: "ATTEMPT", cell: (delivery) => delivery.attempt, align: "right" },
  { header: "HTTP", cell: (delivery) => delivery.responseStatus ?? "-", align: "right" },
  { header: "MS", cell: (delivery) => delivery.latencyMs ?? "-", align: "right" },
  { header: "CREATED", cell: (delivery) => delivery.createdAt.slice(0, 19).replace("T", " ") },
  { header: "ERROR", cell: (delivery) => delivery.error },
];

/** `sharehood webhooks deliveries <id>`: the delivery log, newest first. */
export async function listDeliveries(
  context: Context,
  id: string,
  options: { limit?: number; cursor?: string; all?: boolean },
): Promise<void> {
  const client = context.client();
  const page = await readPages(
    (cursor) =>
      client.webhooks.deliveries({
        params: { id },
        query: { limit: options.all ? (options.limit ?? 100) : options.limit, cursor },
      }),
    options,
  );
  context.table(page, deliveryColumns, page.items, "No deliveries yet.");
  if (!context.json && page.nextCursor) context.note(`More: add --cursor ${page.nextCursor} (or --all)`);
}

/** `sharehood webhooks redeliver <id> <deliveryId>`: sends the event again, now. */
export async function redeliver(context: Context, id: string, deliveryId: string): Promise<void> {
  const delivery = await context.client().webhooks.redeliver({ params: { id, deliveryId } });
  context.result(
    delivery,
    () => `Redelivering ${delivery.eventType} (delivery ${delivery.id}): ${delivery.status}.`,
  );
}
