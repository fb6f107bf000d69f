"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { Webhook } from "@sharehood/sdk/contract";
import { Badge } from "@sharehood/ui/badge";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { ConfirmRemove } from "@/features/api-access/confirm-remove";
import { deleteWebhookAction } from "@/features/api-access/webhook-actions";
import { ALL_EVENTS, eventTypeText } from "@/features/api-access/webhook-text";
import { formatDate, formatTimestamp } from "@/features/items/dates";

/**
 * My endpoints, oldest first: the address, the events it receives, whether Sharehood stopped
 * sending to it (and why), a link to its delivery log, and "Delete" after a confirmation.
 */
export function WebhookList({ webhooks }: { webhooks: Webhook[] }) {
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(new Set());
  const [notice, setNotice] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const router = useRouter();
  const shown = webhooks.filter((webhook) => !deleted.has(webhook.id));

  function onDeleted(webhook: Webhook) {
    setDeleted((ids) => new Set(ids).add(webhook.id));
    setNotice(`Webhook for ${webhook.url} deleted. Nothing more is sent there.`);
    headingRef.current?.focus();
    router.refresh();
  }

  return (
    <section aria-labelledby="webhooks-heading" className="flex flex-col gap-4">
      <div>
        <h2
          id="webhooks-heading"
          ref={headingRef}
          tabIndex={-1}
          className="text-lg font-semibold outline-none"
        >
          Your webhooks
        </h2>
        <p role="status" className="text-sm text-stone-800">
          {notice}
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title="No webhooks yet">
          Endpoints you add are listed here with their deliveries.
        </EmptyState>
      ) : (
        <ul className="flex flex-col gap-3">
          {shown.map((webhook) => (
            <li
              key={webhook.id}
              className="flex flex-col gap-3 rounded-2xl bg-white p-4 shadow-sm ring-1 ring-stone-200 sm:p-5"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <h3 className="min-w-0 font-mono text-sm font-semibold break-all text-stone-900">
                  {webhook.url}
                </h3>
                {webhook.disabledAt ? <Badge tone="red">Disabled</Badge> : <Badge tone="brand">Active</Badge>}
              </div>
              {webhook.disabledAt && (
                <p className="rounded-xl bg-red-50 p-3 text-sm text-red-900 ring-1 ring-red-200">
                  Sharehood stopped sending to it on {formatTimestamp(webhook.disabledAt)}
                  {webhook.disabledReason ? `: ${webhook.disabledReason}` : "."} Delete it and add it again
                  once it answers.
                </p>
              )}
              <div className="text-sm text-stone-700">
                <p className="font-medium text-stone-900">Events</p>
                {webhook.events.includes(ALL_EVENTS) ? (
                  <p>All events</p>
                ) : (
                  <ul className="flex flex-wrap gap-1.5 pt-1">
                    {webhook.events.map((type) => (
                      <li key={type}>
                        <Badge>
                          <span title={eventTypeText(type)}>{type}</span>
                        </Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <p className="text-sm text-stone-700">Added {formatDate(webhook.createdAt.slice(0, 10))}</p>
              <div className="flex flex-wrap items-start gap-2">
                <Link
                  href={`/profile/webhooks/${encodeURIComponent(webhook.id)}`}
                  className={buttonStyles("secondary", "sm")}
                  aria-label={`Deliveries to ${webhook.url}`}
                >
                  Deliveries
                </Link>
                <ConfirmRemove
                  label="Delete"
                  name={webhook.url}
                  warning="Nothing more is sent to this address, and its delivery log goes too. This cannot be undone."
                  confirmLabel="Yes, delete"
                  action={() => deleteWebhookAction(webhook.id)}
                  onDone={() => onDeleted(webhook)}
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
