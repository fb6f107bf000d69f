"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { AuditEntry, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { EmptyState } from "@sharehood/ui/empty-state";
import { AUDIT_ACTION_TEXT, subjectHref, subjectText } from "@/features/audit/audit-text";
import { auditLogQuery } from "@/features/audit/queries";
import { formatTimestamp } from "@/features/items/dates";
import { ShowMore } from "@/features/layout/show-more";

function EntryRow({ entry }: { entry: AuditEntry }) {
  const details = Object.entries(entry.details);
  return (
    <article
      aria-label={`${AUDIT_ACTION_TEXT[entry.action]} by ${entry.actor.name}`}
      className="flex flex-col gap-1.5 px-4 py-4 sm:px-6"
    >
      <p className="text-sm text-stone-600">
        <time dateTime={entry.at}>{formatTimestamp(entry.at)}</time>
      </p>
      <h3 className="font-semibold text-stone-900">
        {entry.actor.name}: {AUDIT_ACTION_TEXT[entry.action].toLowerCase()}
      </h3>
      <p className="text-sm text-stone-700">
        <Link href={subjectHref(entry.subject)} className="font-semibold text-brand-800 underline">
          {subjectText(entry.subject)}
        </Link>{" "}
        <span className="text-stone-600">(reference {entry.subject.id})</span>
      </p>
      <p className="text-sm text-stone-700">
        {entry.reason ? (
          <>
            <span className="font-semibold">Why:</span> {entry.reason}
          </>
        ) : (
          <span className="text-stone-600">No reason given.</span>
        )}
      </p>
      {details.length > 0 && (
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-stone-600">
          {details.map(([key, value]) => (
            <div key={key} className="flex gap-1 break-all">
              <dt>{key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase()}:</dt>
              <dd className="text-stone-800">{String(value)}</dd>
            </div>
          ))}
        </dl>
      )}
    </article>
  );
}

/** The audit log for some filters, newest first, with "Show more" for older entries. Read only. */
export function AuditLogList({
  query: apiQuery,
  initialPage,
}: {
  query: Record<string, string>;
  initialPage: Page<AuditEntry> | undefined;
}) {
  const query = useInfiniteQuery(auditLogQuery(apiQuery, initialPage));
  const entries = query.data?.pages.flatMap((page) => page.items) ?? [];
  if (query.isError && entries.length === 0)
    return (
      <Alert tone="error" title="We couldn't load the audit log">
        {query.error.message}
      </Alert>
    );
  if (query.isPending) return <p className="text-stone-600">Loading…</p>;
  if (entries.length === 0)
    return <EmptyState title="No entries">No admin action matches these filters.</EmptyState>;
  return (
    <div className="flex flex-col gap-4">
      <ul
        aria-label="Audit log"
        className="divide-y divide-stone-100 rounded-3xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {entries.map((entry) => (
          <li key={entry.id}>
            <EntryRow entry={entry} />
          </li>
        ))}
      </ul>
      {query.isError && <Alert tone="error">{query.error.message}</Alert>}
      <ShowMore query={query}>Show more</ShowMore>
    </div>
  );
}
