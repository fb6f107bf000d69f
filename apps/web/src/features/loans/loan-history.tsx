"use client";
import { useQuery } from "@tanstack/react-query";
import type { Loan, LoanDetail, LoanEvent } from "@sharehood/sdk/contract";
import { formatDate, formatTimestamp } from "@/features/items/dates";
import { loanQuery } from "@/features/loans/queries";

const EVENT_TEXT: Record<LoanEvent["type"], string> = {
  requested: "asked to borrow it",
  approved: "approved the request",
  declined: "declined the request",
  handed_over: "handed it over",
  returned: "confirmed it came back",
  cancelled: "cancelled the loan",
  expired: "The request expired: its start date passed without an answer",
  extension_requested: "asked to extend it",
  extension_approved: "approved the extension",
  extension_declined: "declined the extension",
  extension_cancelled: "withdrew the request to extend it",
};

/** What happened, with the end date an extension event names ("asked to extend it to Sat 12 Dec 2026"). */
export function eventText(event: LoanEvent): string {
  const text = EVENT_TEXT[event.type];
  return event.endDate && event.type.startsWith("extension_")
    ? `${text} to ${formatDate(event.endDate)}`
    : text;
}

function actorName(event: LoanEvent, loan: Loan, viewerId: string): string {
  if (event.actorId === null) return "";
  if (event.actorId === viewerId) return "You";
  if (event.actorId === loan.borrowerId) return loan.borrowerName;
  if (event.actorId === loan.ownerId) return "The owner";
  return "A Sharehood admin";
}

/** A loan's recorded transitions: who did what, and when. */
export function LoanHistoryList({ loan, viewerId }: { loan: LoanDetail; viewerId: string }) {
  return (
    <ol className="relative flex flex-col gap-3 border-l-2 border-stone-200 pl-4">
      {loan.events.map((event, index) => {
        const who = actorName(event, loan, viewerId);
        return (
          <li key={`${event.type}-${index}`} className="text-sm">
            <span
              className="absolute -left-[5px] mt-1.5 size-2 rounded-full bg-brand-600"
              aria-hidden="true"
            />
            <p className="text-stone-800">{who ? `${who} ${eventText(event)}` : eventText(event)}</p>
            <p className="text-stone-600">{formatTimestamp(event.at)}</p>
          </li>
        );
      })}
    </ol>
  );
}

/** Loads and shows a loan's history when its panel is opened. */
export function LoanHistory({ loanId, viewerId }: { loanId: string; viewerId: string }) {
  const query = useQuery(loanQuery(loanId));
  if (query.isPending) return <p className="text-sm text-stone-600">Loading history…</p>;
  if (query.isError)
    return (
      <p role="alert" className="text-sm text-red-700">
        {query.error.message}
      </p>
    );
  return <LoanHistoryList loan={query.data} viewerId={viewerId} />;
}
