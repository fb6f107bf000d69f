import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IdSchema } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Badge } from "@sharehood/ui/badge";
import { buttonStyles } from "@sharehood/ui/button";
import { DeliveryLog } from "@/features/api-access/delivery-log";
import { eventsText } from "@/features/api-access/webhook-text";
import { PageHeading } from "@/features/layout/page-heading";
import { failureFrom } from "@/server/action-result";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Webhook deliveries",
  description: "What Sharehood sent to one of your webhooks, and how it answered.",
  robots: { index: false },
};

const PAGE_SIZE = 20;

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
}) {
  const { id } = await params;
  const { cursor } = await searchParams;
  if (!IdSchema.safeParse(id).success) notFound();
  const session = (await getUserClient())!;
  // No route answers one endpoint: it is found among mine (ten at most), so someone else's is a 404.
  const [webhooks, deliveries] = await Promise.all([
    session.client.webhooks.list({}).catch((error: unknown) => failureFrom(error)),
    session.client.webhooks
      .deliveries({
        params: { id },
        query: { limit: PAGE_SIZE, ...(typeof cursor === "string" && cursor ? { cursor } : {}) },
      })
      .catch((error: unknown) => failureFrom(error)),
  ]);
  const webhook = "items" in webhooks ? webhooks.items.find((each) => each.id === id) : undefined;
  if ("items" in webhooks && !webhook) notFound();
  if (!("items" in deliveries) && deliveries.code === "not_found") notFound();

  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading
        title="Deliveries"
        intro={webhook ? <span className="font-mono text-sm break-all">{webhook.url}</span> : undefined}
        actions={
          <Link href="/profile/webhooks" className={buttonStyles("ghost", "sm")}>
            All webhooks
          </Link>
        }
      />
      {webhook && (
        <p className="flex flex-wrap items-center gap-2 text-sm text-stone-700">
          {webhook.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="brand">Active</Badge>}
          <span>Events: {eventsText(webhook.events)}</span>
        </p>
      )}
      {webhook?.disabledAt && (
        <Alert tone="warning" title="Sharehood stopped sending to this address">
          {webhook.disabledReason ?? "It failed for a day."} Delete it and add it again once it answers.
        </Alert>
      )}
      {"items" in deliveries ? (
        <>
          <DeliveryLog webhookId={id} deliveries={deliveries.items} />
          {deliveries.nextCursor && (
            <Link
              href={`/profile/webhooks/${encodeURIComponent(id)}?cursor=${encodeURIComponent(deliveries.nextCursor)}`}
              className={buttonStyles("secondary", "md", "self-start")}
            >
              Older deliveries
            </Link>
          )}
        </>
      ) : (
        <Alert tone="error" title="We couldn't load the deliveries">
          {deliveries.message}
        </Alert>
      )}
    </div>
  );
}
