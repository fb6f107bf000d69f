import type { Loan, Page } from "@sharehood/sdk/contract";

/** What waits for me on each side: requests for my things to answer, approved loans to pick up. */
export interface WaitingCounts {
  /** Requests for my items that I have not answered. */
  toAnswer: number;
  /** My approved requests: the item is waiting to be picked up. */
  toPickUp: number;
  /** A count reached the page size: there are at least that many. */
  toAnswerMore: boolean;
  toPickUpMore: boolean;
}

/** The most a count looks at; past it the page says "100+". */
export const WAITING_LIMIT = 100;

type ListLoans = (input: {
  query: { as: "owner" | "borrower"; status: "requested" | "approved"; limit: number };
}) => Promise<Page<Loan>>;

/**
 * Counts what waits for me, with one filtered page per side, both asked at once (the Inventory
 * API's pages carry no totals).
 */
export async function fetchWaitingCounts(listLoans: ListLoans): Promise<WaitingCounts> {
  const [requested, approved] = await Promise.all([
    listLoans({ query: { as: "owner", status: "requested", limit: WAITING_LIMIT } }),
    listLoans({ query: { as: "borrower", status: "approved", limit: WAITING_LIMIT } }),
  ]);
  return {
    toAnswer: requested.items.length,
    toPickUp: approved.items.length,
    toAnswerMore: requested.nextCursor !== null,
    toPickUpMore: approved.nextCursor !== null,
  };
}

function counted(count: number, more: boolean, one: string, many: string): string {
  return `${count}${more ? "+" : ""} ${count === 1 && !more ? one : many}`;
}

/** The summary's lines, or none when nothing waits. */
export function waitingLines(counts: WaitingCounts): { side: "owner" | "borrower"; text: string }[] {
  const lines: { side: "owner" | "borrower"; text: string }[] = [];
  if (counts.toAnswer > 0) {
    lines.push({
      side: "owner",
      text: counted(counts.toAnswer, counts.toAnswerMore, "request to answer", "requests to answer"),
    });
  }
  if (counts.toPickUp > 0) {
    lines.push({
      side: "borrower",
      text: counted(
        counts.toPickUp,
        counts.toPickUpMore,
        "approved loan to pick up",
        "approved loans to pick up",
      ),
    });
  }
  return lines;
}
