import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiError, IdSchema, type ReportDetail } from "@sharehood/sdk";
import { Alert } from "@sharehood/ui/alert";
import { Badge } from "@sharehood/ui/badge";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { formatTimestamp } from "@/features/items/dates";
import { PageHeading } from "@/features/layout/page-heading";
import {
  EarlierReports,
  PersonLink,
  ReportedItem,
  ThreadExcerpt,
} from "@/features/moderation/report-context";
import { personName } from "@/features/moderation/report-subjects";
import { ResolveReportForm, type ResolveChoice } from "@/features/moderation/resolve-report-form";
import { ACTION_TEXT, REASON_TEXT, SUBJECT_TEXT } from "@/features/reports/report-text";
import { failureFrom } from "@/server/action-result";
import { getUserClient, requirePermission } from "@/server/session";
import { withSitePhotos } from "@/server/site-photos";

export const metadata: Metadata = {
  title: "Admin · Report",
  description: "A report with its context, and what to do about it.",
  robots: { index: false },
};

const card = "flex flex-col gap-4 rounded-3xl bg-white p-5 shadow-sm ring-1 ring-stone-200 sm:p-6";

type Person = { id: string; name: string };

// What the admin may do with this report: hiding fits an item that is still shown; suspending,
// anyone behind the subject.
function choicesFor(report: ReportDetail, person: Person | null): ResolveChoice[] {
  const { item } = report.context;
  const choices: ResolveChoice[] = [
    {
      action: "dismiss",
      label: "Dismiss",
      hint: "Nothing here breaks the rules. Every open report about it is closed, and whoever reported it is told it was looked at.",
      confirm: "Dismiss this report and every other open report about the same thing?",
      confirmLabel: "Yes, dismiss",
    },
  ];
  if (report.subjectType === "item" && item && !item.hidden)
    choices.push({
      action: "hide_item",
      label: "Hide the item",
      hint: `“${item.title}” disappears from browse, search and its page for everyone but its owner and admins. The owner is told why: your note.`,
      confirm: `Hide “${item.title}”? Its owner is told why.`,
      confirmLabel: "Yes, hide the item",
    });
  if (person)
    choices.push({
      action: "suspend_user",
      label: `Suspend ${person.name}`,
      hint: "They are signed out everywhere and cannot sign in again; their items are hidden. You can lift it from the Users tab.",
      confirm: `Suspend ${person.name}? They are signed out at once.`,
      confirmLabel: `Yes, suspend ${person.name}`,
    });
  return choices;
}

async function loadReport(id: string) {
  const session = await getUserClient();
  if (!session) return { error: "Your session has ended. Please sign in again." } as const;
  let report: ReportDetail;
  try {
    report = await session.client.reports.get({ params: { id } });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    return { error: failureFrom(error).message } as const;
  }
  const item = report.context.item && withSitePhotos(report.context.item);
  const personId = report.subjectType === "user" ? report.subjectId : report.subjectUserId;
  let person: Person | null = null;
  if (personId) {
    const name = item?.owner.id === personId ? item.owner.name : await personName(session.client, personId);
    person = { id: personId, name: name ?? "A former member" };
  }
  return { report, item, person } as const;
}

export default async function AdminReportPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission("report.manage");
  const { id } = await params;
  if (!IdSchema.safeParse(id).success) notFound();
  const loaded = await loadReport(id);
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/reports" />
      <p className="mb-4">
        <Link href="/admin/reports" className="font-semibold text-brand-800 underline">
          ← Back to the reports
        </Link>
      </p>
      {"error" in loaded ? (
        <Alert tone="error" title="We couldn't load this report">
          {loaded.error}
        </Alert>
      ) : (
        <ReportPage {...loaded} />
      )}
    </div>
  );
}

function ReportPage({
  report,
  item,
  person,
}: {
  report: ReportDetail;
  item: ReportDetail["context"]["item"];
  person: Person | null;
}) {
  const { context } = report;
  const names = new Map<string, string>([[report.reporter.id, report.reporter.name]]);
  if (person) names.set(person.id, person.name);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <div className="flex flex-col gap-6">
        <section aria-labelledby="report-heading" className={card}>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone="sky">{SUBJECT_TEXT[report.subjectType]}</Badge>
            <Badge tone="amber">{REASON_TEXT[report.reason].label}</Badge>
            <Badge tone={report.status === "open" ? "brand" : "neutral"}>
              {report.resolution ? ACTION_TEXT[report.resolution.action] : "Open"}
            </Badge>
          </div>
          <h2 id="report-heading" className="text-xl font-semibold">
            {report.subjectType === "item"
              ? `Report about “${item?.title ?? "a removed item"}”`
              : report.subjectType === "user"
                ? `Report about ${person?.name ?? "a former member"}`
                : `Report about a message from ${person?.name ?? "a former member"}`}
          </h2>
          <p className="text-sm text-stone-700">
            Reported by <PersonLink person={report.reporter} />,{" "}
            <time dateTime={report.createdAt}>{formatTimestamp(report.createdAt)}</time>
          </p>
          {report.details ? (
            <blockquote className="rounded-2xl bg-stone-50 px-4 py-3 whitespace-pre-line text-stone-900 ring-1 ring-stone-200">
              {report.details}
            </blockquote>
          ) : (
            <p className="text-sm text-stone-600">They wrote no details.</p>
          )}
        </section>
        {report.subjectType === "message" && (
          <section aria-labelledby="thread-heading" className={card}>
            <h2 id="thread-heading" className="text-lg font-semibold">
              The conversation
            </h2>
            {context.message ? (
              <ThreadExcerpt thread={context.thread} reportedId={context.message.id} names={names} />
            ) : (
              <p className="text-stone-700">The message is gone.</p>
            )}
          </section>
        )}
        {item && (
          <section aria-labelledby="item-heading" className={card}>
            <h2 id="item-heading" className="text-lg font-semibold">
              {report.subjectType === "item" ? "The item" : "What the conversation is about"}
            </h2>
            <ReportedItem item={item} />
          </section>
        )}
        {person && (
          <section aria-labelledby="person-heading" className={card}>
            <h2 id="person-heading" className="text-lg font-semibold">
              {report.subjectType === "user" ? "The person" : "Who is behind it"}
            </h2>
            <p className="flex flex-wrap gap-x-4 gap-y-1 text-stone-700">
              <PersonLink person={person} />
              <Link href={`/admin/loans?user=${person.id}`} className="text-stone-700 underline">
                Their loans
              </Link>
            </p>
          </section>
        )}
        <section aria-labelledby="earlier-heading" className={card}>
          <h2 id="earlier-heading" className="text-lg font-semibold">
            Other reports about it
          </h2>
          <EarlierReports reports={context.earlierReports} />
        </section>
      </div>
      <section aria-labelledby="action-heading" className={`${card} self-start`}>
        <h2 id="action-heading" className="text-lg font-semibold">
          {report.resolution ? "What was done" : "What to do"}
        </h2>
        {report.resolution ? (
          <div className="flex flex-col gap-2 text-stone-700">
            <p>
              <span className="font-semibold text-stone-900">{ACTION_TEXT[report.resolution.action]}</span> by{" "}
              {report.resolution.by.name},{" "}
              <time dateTime={report.resolution.at}>{formatTimestamp(report.resolution.at)}</time>
            </p>
            <p className="whitespace-pre-line">{report.resolution.note}</p>
          </div>
        ) : (
          <ResolveReportForm reportId={report.id} choices={choicesFor(report, person)} />
        )}
      </section>
    </div>
  );
}
