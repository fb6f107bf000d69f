import type { Metadata } from "next";
import { Alert } from "@sharehood/ui/alert";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { PageHeading } from "@/features/layout/page-heading";
import { QueueFilterForm } from "@/features/moderation/queue-filter-form";
import { queueFiltersFrom, queueHref, type QueueFilters } from "@/features/moderation/queue-filters";
import { ReportQueue } from "@/features/moderation/report-queue";
import { summariseSubjects } from "@/features/moderation/report-subjects";
import { failureFrom } from "@/server/action-result";
import { getUserClient, requirePermission } from "@/server/session";

export const metadata: Metadata = {
  title: "Admin · Reports",
  description: "Reports from the community: items, people and messages to look at.",
  robots: { index: false },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const DONE: Record<NonNullable<QueueFilters["done"]>, string> = {
  dismiss: "Report dismissed. Whoever reported it is told it was looked at.",
  hide_item: "Item hidden: it is gone from browse and search, and its owner is told why.",
  suspend_user: "Account suspended: they are signed out everywhere and their items are hidden.",
};

const PAGE_SIZE = 20;

// The page of reports and what each is about; `now` is when it was read, for the ages shown.
async function loadQueue(filters: QueueFilters) {
  const session = await getUserClient();
  if (!session) return { error: "Your session has ended. Please sign in again." };
  try {
    const page = await session.client.reports.list({
      query: {
        status: filters.status,
        ...(filters.type ? { subjectType: filters.type } : {}),
        ...(filters.cursor ? { cursor: filters.cursor } : {}),
        limit: PAGE_SIZE,
      },
    });
    return { page, subjects: await summariseSubjects(session.client, page.items), now: Date.now() };
  } catch (error) {
    return { error: failureFrom(error).message };
  }
}

export default async function AdminReportsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("report.manage");
  const filters = queueFiltersFrom(await searchParams);
  const loaded = await loadQueue(filters);
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/reports" />
      <div className="flex flex-col gap-6">
        {filters.done && <Alert tone="success">{DONE[filters.done]}</Alert>}
        {/* Keyed on the filters, so that following a link here shows its values in the fields. */}
        <QueueFilterForm key={queueHref(filters)} filters={filters} />
        <section aria-labelledby="queue-heading" className="flex flex-col gap-4">
          <h2 id="queue-heading" className="text-lg font-semibold">
            {filters.status === "open" ? "Open reports, oldest first" : "Handled reports, newest first"}
          </h2>
          {"error" in loaded ? (
            <Alert tone="error" title="We couldn't load the reports">
              {loaded.error}
            </Alert>
          ) : (
            <ReportQueue
              reports={loaded.page.items}
              subjects={loaded.subjects}
              nextCursor={loaded.page.nextCursor}
              filters={filters}
              now={loaded.now}
            />
          )}
        </section>
      </div>
    </div>
  );
}
