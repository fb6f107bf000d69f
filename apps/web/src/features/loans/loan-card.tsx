"use client";
import Link from "next/link";
import { useState } from "react";
import type { Loan } from "@sharehood/sdk/contract";
import { formatRange } from "@/features/items/dates";
import { LoanActions } from "@/features/loans/loan-actions";
import { LoanHistory } from "@/features/loans/loan-history";
import { STATUS_LOOK } from "@/features/loans/loan-status";
import { LoanStatusBadges } from "@/features/loans/loan-status-badges";

/** One loan on the dashboard: the item, the dates, who, its state, its actions and its history. */
export function LoanCard({
  loan,
  viewerId,
  canCancelAny,
}: {
  loan: Loan;
  viewerId: string;
  canCancelAny: boolean;
}) {
  const [showHistory, setShowHistory] = useState(false);
  const look = STATUS_LOOK[loan.status];
  const asOwner = loan.ownerId === viewerId;
  const historyId = `history-${loan.id}`;
  return (
    <article
      aria-label={`${loan.item.title}, ${look.label}`}
      className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold text-stone-900">
            <Link href={`/items/${loan.item.id}`} className="hover:underline">
              {loan.item.title}
            </Link>
          </h3>
          <p className="text-sm text-stone-700">{formatRange(loan.startDate, loan.endDate)}</p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <LoanStatusBadges loan={loan} />
        </div>
      </div>
      <p className="text-sm text-stone-700">
        {asOwner ? (
          <>
            Requested by{" "}
            <Link href={`/people/${loan.borrowerId}`} className="font-semibold hover:underline">
              {loan.borrowerName}
            </Link>
          </>
        ) : (
          "Your request"
        )}
      </p>
      {loan.message && (
        <blockquote className="rounded-xl bg-stone-50 px-3 py-2 text-sm text-stone-700">
          “{loan.message}”
        </blockquote>
      )}
      <LoanActions loan={loan} viewerId={viewerId} canCancelAny={canCancelAny} />
      <div className="flex flex-wrap items-center gap-4 border-t border-stone-100 pt-3 text-sm">
        <button
          type="button"
          aria-expanded={showHistory}
          aria-controls={historyId}
          onClick={() => setShowHistory((open) => !open)}
          className="font-semibold text-brand-800 hover:underline"
        >
          {showHistory ? "Hide history" : "Show history"}
        </button>
        <Link href={`/loans/${loan.id}`} className="text-stone-700 hover:underline">
          Open loan
        </Link>
      </div>
      <div id={historyId} hidden={!showHistory}>
        {showHistory && <LoanHistory loanId={loan.id} viewerId={viewerId} />}
      </div>
    </article>
  );
}
