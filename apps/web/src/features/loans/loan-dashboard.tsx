"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Loan, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { ShowMore } from "@/features/layout/show-more";
import { LoanCard } from "@/features/loans/loan-card";
import { STATUS_GROUPS } from "@/features/loans/loan-status";
import { loansQuery, type LoanSide } from "@/features/loans/queries";

/** My loans on one side, grouped by where they are in their life. */
export function LoanDashboard({
  side,
  viewerId,
  canCancelAny,
  initialPage,
}: {
  side: LoanSide;
  viewerId: string;
  canCancelAny: boolean;
  initialPage: Page<Loan> | undefined;
}) {
  const query = useInfiniteQuery(loansQuery(side, initialPage));
  const loans = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isError && loans.length === 0) {
    return (
      <Alert tone="error" title="We couldn't load your loans">
        {query.error.message}
      </Alert>
    );
  }
  if (query.isPending) return <p className="text-stone-600">Loading…</p>;
  if (loans.length === 0) {
    return side === "borrower" ? (
      <EmptyState
        title="You haven't asked to borrow anything yet"
        action={
          <Link href="/" className={buttonStyles("primary")}>
            Find something to borrow
          </Link>
        }
      >
        When you request an item, you can follow it here.
      </EmptyState>
    ) : (
      <EmptyState
        title="No requests for your items yet"
        action={
          <Link href="/listings" className={buttonStyles("secondary")}>
            See my listings
          </Link>
        }
      >
        When a neighbour asks to borrow something of yours, you approve it here.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-8">
      {STATUS_GROUPS.map((group) => {
        const inGroup = loans.filter((loan) => group.statuses.includes(loan.status));
        if (inGroup.length === 0) return null;
        const headingId = `group-${group.statuses[0]}`;
        return (
          <section key={group.title} aria-labelledby={headingId}>
            <h2 id={headingId} className="mb-3 flex items-center gap-2 text-lg font-semibold text-stone-900">
              {group.title}
              <span className="rounded-full bg-stone-200 px-2 text-sm font-semibold text-stone-800">
                {inGroup.length}
              </span>
            </h2>
            <ul className="grid gap-4 md:grid-cols-2">
              {inGroup.map((loan) => (
                <li key={loan.id}>
                  <LoanCard loan={loan} viewerId={viewerId} canCancelAny={canCancelAny} />
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      <ShowMore query={query}>Show older loans</ShowMore>
    </div>
  );
}
