import type { Metadata } from "next";
import { Suspense } from "react";
import { LoanDashboard } from "@/features/loans/loan-dashboard";
import type { LoanSide } from "@/features/loans/queries";
import { fetchWaitingCounts } from "@/features/loans/waiting";
import { WaitingForYou } from "@/features/loans/waiting-for-you";
import { ListSkeleton } from "@/features/layout/page-skeleton";
import { PageHeading } from "@/features/layout/page-heading";
import { TabLinks } from "@/features/layout/tab-links";
import { keepNotThisRender } from "@/server/personal-render";
import { can, getUserClient, requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Borrowing",
  description: "Your borrow requests and the requests for your items on Sharehood.",
  robots: { index: false },
};

const TABS: { side: LoanSide; label: string }[] = [
  { side: "borrower", label: "Requests I made" },
  { side: "owner", label: "Requests for my items" },
];

export default async function LoansPage({ searchParams }: { searchParams: Promise<{ view?: string }> }) {
  const side: LoanSide = (await searchParams).view === "owner" ? "owner" : "borrower";
  // The heading and tabs go out at once; what waits and the list stream in when the Inventory API
  // answers, both asked at the same time.
  return (
    <div>
      <PageHeading
        title="Borrowing"
        intro="Follow what you asked to borrow, and answer neighbours who want your things."
      />
      <Suspense fallback={null}>
        <Waiting />
      </Suspense>
      <TabLinks
        label="Loan lists"
        tabs={TABS.map((tab) => ({
          href: `/loans?view=${tab.side}`,
          label: tab.label,
          current: tab.side === side,
        }))}
      />
      <Suspense key={side} fallback={<ListSkeleton />}>
        <Loans side={side} />
      </Suspense>
    </div>
  );
}

/** What could not be read is left to the browser to read (and this render is not kept). */
async function notRead(): Promise<undefined> {
  await keepNotThisRender();
  return undefined;
}

/** Requests to answer and loans to pick up: two small filtered calls, beside the list's. */
async function Waiting() {
  const session = await getUserClient();
  const counts = await (session ? fetchWaitingCounts(session.client.loans.list) : undefined)?.catch(notRead);
  return <WaitingForYou initial={counts} />;
}

/** One call to the Inventory API, made as soon as the session is read. */
async function Loans({ side }: { side: LoanSide }) {
  const [viewer, session] = await Promise.all([requireViewer(), getUserClient()]);
  const firstPage = await session?.client.loans.list({ query: { as: side, limit: 50 } }).catch(notRead);
  return (
    <LoanDashboard
      side={side}
      viewerId={viewer.id}
      canCancelAny={can(viewer, "loan.cancel.any")}
      initialPage={firstPage}
    />
  );
}
