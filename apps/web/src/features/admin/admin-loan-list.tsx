import Link from "next/link";
import type { Loan } from "@sharehood/sdk/contract";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { loansHref, type LoanFilters } from "@/features/admin/loan-filters";
import { formatDate, formatRange } from "@/features/items/dates";
import { STATUS_LOOK } from "@/features/loans/loan-status";
import { LoanStatusBadges } from "@/features/loans/loan-status-badges";

const personLink = "font-semibold text-stone-900 underline decoration-stone-300 hover:decoration-stone-900";

function AdminLoanRow({ loan, ownerName, filters }: { loan: Loan; ownerName: string; filters: LoanFilters }) {
  const look = STATUS_LOOK[loan.status];
  return (
    <article
      aria-label={`${loan.item.title}, ${look.label}${loan.overdue ? ", overdue" : ""}`}
      className="flex flex-col gap-2 px-4 py-4 sm:px-6"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-semibold text-stone-900">
          <Link href={`/items/${loan.item.id}`} className="hover:underline">
            {loan.item.title}
          </Link>
        </h3>
        <div className="flex flex-wrap gap-1.5">
          <LoanStatusBadges loan={loan} />
        </div>
      </div>
      <p className="text-sm text-stone-700">
        {formatRange(loan.startDate, loan.endDate)} · asked {formatDate(loan.createdAt.slice(0, 10))}
      </p>
      {/* The names filter the list by that person: the next thing a moderator asks about. */}
      <p className="text-sm text-stone-700">
        Borrower{" "}
        <Link
          href={loansHref(filters, { person: null, user: loan.borrowerId })}
          className={personLink}
          aria-label={`Loans of ${loan.borrowerName}`}
        >
          {loan.borrowerName}
        </Link>
        , owner{" "}
        <Link
          href={loansHref(filters, { person: null, user: loan.ownerId })}
          className={personLink}
          aria-label={`Loans of ${ownerName}`}
        >
          {ownerName}
        </Link>
      </p>
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        <Link href={`/loans/${loan.id}`} className="font-semibold text-brand-800 hover:underline">
          Open loan
        </Link>
        {filters.itemId !== loan.item.id && (
          <Link href={loansHref(filters, { item: loan.item.id })} className="text-stone-700 hover:underline">
            Loans of this item
          </Link>
        )}
      </div>
    </article>
  );
}

/** A page of loans for moderators, newest first, with links to older ones. */
export function AdminLoanList({
  loans,
  nextCursor,
  ownerNames,
  filters,
}: {
  loans: Loan[];
  nextCursor: string | null;
  ownerNames: Map<string, string>;
  filters: LoanFilters;
}) {
  if (loans.length === 0) {
    return (
      <EmptyState
        title={filters.cursor ? "No older loans" : "No loans match"}
        action={
          <Link href="/admin/loans" className={buttonStyles("secondary")}>
            Every loan
          </Link>
        }
      >
        {filters.cursor ? "These were the oldest." : "Try another state, person or item."}
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <ul
        aria-label="Loans"
        className="divide-y divide-stone-100 rounded-3xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {loans.map((loan) => (
          <li key={loan.id}>
            <AdminLoanRow
              loan={loan}
              ownerName={ownerNames.get(loan.ownerId) ?? "Unknown person"}
              filters={filters}
            />
          </li>
        ))}
      </ul>
      {(filters.cursor || nextCursor) && (
        <nav aria-label="Pages of loans" className="flex flex-wrap justify-center gap-2">
          {filters.cursor && (
            <Link href={loansHref(filters)} className={buttonStyles("secondary")}>
              Newest loans
            </Link>
          )}
          {nextCursor && (
            <Link href={loansHref(filters, { cursor: nextCursor })} className={buttonStyles("secondary")}>
              Older loans
            </Link>
          )}
        </nav>
      )}
    </div>
  );
}
