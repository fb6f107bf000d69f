import Link from "next/link";
import type { Item, Message, Report } from "@sharehood/sdk/contract";
import { Badge } from "@sharehood/ui/badge";
import { CategoryIllustration } from "@sharehood/ui/category-illustration";
import { cx } from "@sharehood/ui/cx";
import { formatTimestamp } from "@/features/items/dates";
import { ACTION_TEXT, REASON_TEXT } from "@/features/reports/report-text";

const link = "font-semibold text-brand-800 underline";

/** A person's name, linking to their public profile. */
export function PersonLink({ person }: { person: { id: string; name: string } }) {
  return (
    <Link href={`/people/${person.id}`} className={link}>
      {person.name}
    </Link>
  );
}

/**
 * The item reported (or the item a reported message's thread is about), as the admin needs it:
 * shown even when hidden, with why it was hidden; its page link only while the public can see it.
 */
export function ReportedItem({ item }: { item: Item }) {
  const photo = item.photos[0]?.thumbnailUrl;
  return (
    <div className="flex flex-col gap-4 sm:flex-row">
      <div className="size-24 shrink-0 overflow-hidden rounded-2xl bg-stone-100 ring-1 ring-stone-200">
        {photo ? (
          // eslint-disable-next-line @next/next/no-img-element -- photos are already sized (see next.config.ts)
          <img src={photo} alt="" className="size-full object-cover" />
        ) : (
          <CategoryIllustration categoryId={item.categoryId} />
        )}
      </div>
      <div className="flex min-w-0 flex-col gap-1">
        <p className="font-semibold text-stone-900">
          {item.hidden ? (
            item.title
          ) : (
            <Link href={`/items/${item.id}`} className="hover:underline">
              {item.title}
            </Link>
          )}
        </p>
        <p className="text-sm text-stone-700">
          Lent by <PersonLink person={item.owner} />
          {item.location && <> · {item.location}</>}
        </p>
        {item.hidden && (
          <p className="text-sm font-medium text-red-800">Hidden by moderators: {item.hidden.reason}</p>
        )}
        <p className="line-clamp-4 text-sm whitespace-pre-line text-stone-700">{item.description}</p>
      </div>
    </div>
  );
}

/**
 * The messages around a reported one, oldest first, each with its author and time; the reported
 * one stands out and says so in words too.
 */
export function ThreadExcerpt({
  thread,
  reportedId,
  names,
}: {
  thread: Message[];
  reportedId: string | null;
  names: Map<string, string>;
}) {
  return (
    <ol aria-label="Messages around the reported one" className="flex flex-col gap-3">
      {thread.map((message) => {
        const reported = message.id === reportedId;
        return (
          <li
            key={message.id}
            className={cx(
              "flex flex-col gap-1 rounded-2xl px-4 py-3",
              reported ? "bg-amber-50 ring-2 ring-amber-500" : "bg-stone-50 ring-1 ring-stone-200",
            )}
          >
            <p className="flex flex-wrap items-center gap-x-2 text-xs text-stone-600">
              <span className="font-semibold text-stone-800">{names.get(message.authorId) ?? "Someone"}</span>
              <time dateTime={message.createdAt}>{formatTimestamp(message.createdAt)}</time>
              {reported && <Badge tone="amber">Reported message</Badge>}
            </p>
            <p className="whitespace-pre-line text-stone-900">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** Other reports on the same subject, newest first: whether this is a pattern. */
export function EarlierReports({ reports }: { reports: Report[] }) {
  if (reports.length === 0)
    return <p className="text-sm text-stone-700">None: this is the first report about it.</p>;
  return (
    <ul className="flex flex-col gap-3">
      {reports.map((report) => (
        <li key={report.id} className="flex flex-col gap-1 text-sm">
          <p className="flex flex-wrap items-center gap-2">
            <Badge tone="amber">{REASON_TEXT[report.reason].label}</Badge>
            <span className="text-stone-700">
              by {report.reporter.name}, {formatTimestamp(report.createdAt)}
            </span>
            {report.resolution ? (
              <Badge>{ACTION_TEXT[report.resolution.action]}</Badge>
            ) : (
              <Link href={`/admin/reports/${report.id}`} className={link}>
                Open
              </Link>
            )}
          </p>
          {report.details && <p className="text-stone-700">{report.details}</p>}
          {report.resolution && (
            <p className="text-stone-600">
              {report.resolution.by.name}: {report.resolution.note}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
