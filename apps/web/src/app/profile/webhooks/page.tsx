import type { Metadata } from "next";
import { Alert } from "@sharehood/ui/alert";
import { ApiAccessTabs } from "@/features/api-access/api-access-tabs";
import { WebhookForm } from "@/features/api-access/webhook-form";
import { WebhookList } from "@/features/api-access/webhook-list";
import { PageHeading } from "@/features/layout/page-heading";
import { failureFrom } from "@/server/action-result";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Webhooks",
  description: "Have Sharehood send your own programs the events about your items, loans and messages.",
  robots: { index: false },
};

export default async function WebhooksPage() {
  // The profile layout sent anyone signed out to sign-in. Read with the session's token, here.
  const session = (await getUserClient())!;
  const listed = await session.client.webhooks
    .list({})
    .then((page) => ({ ok: true as const, webhooks: page.items }))
    .catch((error: unknown) => failureFrom(error));
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading
        title="Webhooks"
        intro="Sharehood sends each event about your items, loans, messages and account to your program's address as it happens, signed so it can tell the request came from us."
      />
      <ApiAccessTabs current="/profile/webhooks" />
      <section
        aria-labelledby="new-webhook-heading"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
      >
        <h2 id="new-webhook-heading" className="mb-4 text-lg font-semibold">
          New webhook
        </h2>
        <WebhookForm />
      </section>
      {listed.ok ? (
        <WebhookList webhooks={listed.webhooks} />
      ) : (
        <Alert tone="error" title="We couldn't load your webhooks">
          {listed.message}
        </Alert>
      )}
      <p className="text-sm text-stone-700">
        A request that fails (no answer within 5 seconds, or anything but a 2xx status) is tried again for
        about a day, waiting longer each time; an address that fails for a whole day is disabled and you get
        an email. Missed something? Your events feed (<code className="font-mono">GET /events</code>) keeps 30
        days.
      </p>
    </div>
  );
}
