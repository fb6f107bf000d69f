"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import type { LoanDetail, LoanReviews } from "@sharehood/sdk/contract";
import { formatRange } from "@/features/items/dates";
import { ExtensionPanel } from "@/features/loans/extension-panel";
import { LoanActions } from "@/features/loans/loan-actions";
import { LoanHistoryList } from "@/features/loans/loan-history";
import { loanQuery } from "@/features/loans/queries";
import { LoanStatusBadges } from "@/features/loans/loan-status-badges";
import { LoanReviewsSection, type OtherSide } from "@/features/reviews/loan-reviews";

/** A name linking to the person's profile, or "You". */
function Person({ id, name, viewerId }: { id: string; name: string; viewerId: string }) {
  if (id === viewerId) return <>You</>;
  return (
    <Link href={`/people/${id}`} className="underline-offset-2 hover:underline">
      {name}
    </Link>
  );
}

/**
 * One loan's page: its state, the actions it allows and its whole history, kept live by React
 * Query; the loan's conversation sits beside the history.
 */
export function LoanDetailView({
  initial,
  viewerId,
  canCancelAny,
  thread,
  ownerName,
  reviews,
}: {
  initial: LoanDetail;
  viewerId: string;
  canCancelAny: boolean;
  /** The loan's conversation between borrower and owner (none for an admin looking on). */
  thread?: ReactNode;
  /** The owner's name (the loan carries only their id); null when it could not be read. */
  ownerName?: string | null;
  /** For the borrower and the owner: the other side, and the reviews once the loan is returned. */
  reviews?: { other: OtherSide; initial: LoanReviews | null };
}) {
  const loan = useQuery(loanQuery(initial.id, initial)).data ?? initial;
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
      <div className="flex flex-col gap-6">
        <section
          aria-labelledby="loan-summary"
          className="flex flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200"
        >
          <div className="flex flex-wrap gap-2">
            <LoanStatusBadges loan={loan} />
          </div>
          <h2 id="loan-summary" className="text-xl font-semibold">
            <Link href={`/items/${loan.item.id}`} className="hover:underline">
              {loan.item.title}
            </Link>
          </h2>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            <dt className="text-stone-600">Dates</dt>
            <dd className="font-medium">{formatRange(loan.startDate, loan.endDate)}</dd>
            {ownerName && (
              <>
                <dt className="text-stone-600">Lender</dt>
                <dd className="font-medium">
                  <Person id={loan.ownerId} name={ownerName} viewerId={viewerId} />
                </dd>
              </>
            )}
            <dt className="text-stone-600">Borrower</dt>
            <dd className="font-medium">
              <Person id={loan.borrowerId} name={loan.borrowerName} viewerId={viewerId} />
            </dd>
            <dt className="text-stone-600">Reference</dt>
            <dd className="font-mono text-xs">{loan.id}</dd>
          </dl>
          {/* The request's message opens the loan's conversation; shown here only without it (an admin). */}
          {loan.message && !thread && (
            <blockquote className="rounded-xl bg-stone-50 px-3 py-2 text-sm text-stone-700">
              “{loan.message}”
            </blockquote>
          )}
          <LoanActions loan={loan} viewerId={viewerId} canCancelAny={canCancelAny} />
          <ExtensionPanel loan={loan} viewerId={viewerId} />
        </section>
        {reviews && <LoanReviewsSection loan={loan} other={reviews.other} initial={reviews.initial} />}
        {thread}
      </div>
      <section
        aria-labelledby="loan-history"
        className="self-start rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200"
      >
        <h2 id="loan-history" className="mb-4 text-lg font-semibold">
          History
        </h2>
        <LoanHistoryList loan={loan} viewerId={viewerId} />
      </section>
    </div>
  );
}
