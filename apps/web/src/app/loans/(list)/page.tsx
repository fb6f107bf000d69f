import type { Metadata } from "next";
import Link from "next/link";
import { cx } from "@sharehood/ui/cx";
import { LoanDashboard } from "@/features/loans/loan-dashboard";
import type { LoanSide } from "@/features/loans/queries";
import { PageHeading } from "@/features/layout/page-heading";
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
  const viewer = await requireViewer();
  const session = await getUserClient();
  const firstPage = await session?.client.loans
    .list({ query: { as: side, limit: 50 } })
    .catch(() => undefined);
  return (
    <div>
      <PageHeading
        title="Borrowing"
        intro="Follow what you asked to borrow, and answer neighbours who want your things."
      />
      <nav
        aria-label="Loan lists"
        className="mb-6 flex gap-1 rounded-full bg-stone-200/70 p-1 sm:inline-flex"
      >
        {TABS.map((tab) => (
          <Link
            key={tab.side}
            href={`/loans?view=${tab.side}`}
            aria-current={tab.side === side ? "page" : undefined}
            className={cx(
              "flex-1 rounded-full px-4 py-2 text-center text-sm font-semibold whitespace-nowrap",
              tab.side === side ? "bg-white text-stone-900 shadow-sm" : "text-stone-700 hover:text-stone-900",
            )}
          >
            {tab.label}
          </Link>
        ))}
      </nav>
      <LoanDashboard
        key={side}
        side={side}
        viewerId={viewer.id}
        canCancelAny={can(viewer, "loan.cancel.any")}
        initialPage={firstPage}
      />
    </div>
  );
}
