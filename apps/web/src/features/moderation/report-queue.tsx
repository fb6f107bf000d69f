import Link from "next/link";
import type { Report } from "@sharehood/sdk/contract";
import { Badge } from "@sharehood/ui/badge";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { formatTimestamp } from "@/features/items/dates";
import { ageText } from "@/features/moderation/age";
import { queueHref, type QueueFilters } from "@/features/moderation/queue-filters";
import type { SubjectSummary } from "@/features/moderation/report-subjects";
import { ACTION_TEXT, REASON_TEXT, SUBJECT_TEXT } from "@/features/reports/report-text";

function QueueRow({
  report,
  subject,
  now,
}: {
  report: Report;
  subject: SubjectSummary | undefined;
  now: number;
}) {
  const what = subject?.text ?? SUBJECT_TEXT[report.subjectType];
  return (
    <article
      aria-label={`${SUBJECT_TEXT[report.subjectType]}: ${what}, ${REASON_TEXT[report.reason].label}`}
      className="flex flex-col gap-2 px-4 py-4 sm:px-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="min-w-0 font-semibold text-stone-900">
          <Link href={`/admin/reports/${report.id}`} className="hover:underline">
            {what}
          </Link>
        </h3>
        <div className="flex flex-wrap gap-1.5">
          <Badge tone="sky">{SUBJECT_TEXT[report.subjectType]}</Badge>
          <Badge tone="amber">{REASON_TEXT[report.reason].label}</Badge>
          {report.resolution && <Badge>{ACTION_TEXT[report.resolution.action]}</Badge>}
        </div>
      </div>
      {report.details && <p className="line-clamp-2 text-sm text-stone-700">{report.details}</p>}
      <p className="text-sm text-stone-600">
        Reported by {report.reporter.name} ·{" "}
        <time dateTime={report.createdAt} title={formatTimestamp(report.createdAt)}>
          {ageText(report.createdAt, now)}
        </time>
        {report.resolution && (
          <>
            {" "}
            · handled by {report.resolution.by.name}{" "}
            <time dateTime={report.resolution.at} title={formatTimestamp(report.resolution.at)}>
              {ageText(report.resolution.at, now)}
            </time>
          </>
        )}
      </p>
    </article>
  );
}

/** A page of the moderation queue, with links to the next page and back to the first. */
export function ReportQueue({
  reports,
  subjects,
  nextCursor,
  filters,
  now,
}: {
  reports: Report[];
  subjects: Map<string, SubjectSummary>;
  nextCursor: string | null;
  filters: QueueFilters;
  now: number;
}) {
  if (reports.length === 0) {
    const open = filters.status === "open";
    return (
      <EmptyState
        title={filters.cursor ? "No more reports" : open ? "Nothing to look at" : "No handled reports"}
        action={
          filters.cursor || filters.type ? (
            <Link href={queueHref(filters, { type: null })} className={buttonStyles("secondary")}>
              Every report
            </Link>
          ) : undefined
        }
      >
        {open
          ? "Every report is handled. New ones appear here, oldest first."
          : "Handled reports appear here."}
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul
        aria-label="Reports"
        className="divide-y divide-stone-100 rounded-3xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {reports.map((report) => (
          <li key={report.id}>
            <QueueRow report={report} subject={subjects.get(report.id)} now={now} />
          </li>
        ))}
      </ul>
      {(filters.cursor || nextCursor) && (
        <nav aria-label="Pages of reports" className="flex flex-wrap justify-center gap-2">
          {filters.cursor && (
            <Link href={queueHref(filters)} className={buttonStyles("secondary")}>
              First page
            </Link>
          )}
          {nextCursor && (
            <Link href={queueHref(filters, { cursor: nextCursor })} className={buttonStyles("secondary")}>
              Next page
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
