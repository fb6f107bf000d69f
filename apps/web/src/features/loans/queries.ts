import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Loan, LoanDetail, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";
import type { WaitingCounts } from "@/features/loans/waiting";

/** Which side of my loans a list shows. */
export type LoanSide = "borrower" | "owner";

/** My loans on one side, through the app's /api/loans. */
export function loansQuery(side: LoanSide, initialPage?: Page<Loan>) {
  return infiniteQueryOptions({
    queryKey: ["loans", "list", side] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Loan>>(
        `/api/loans?as=${side}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** One loan with its event history. */
export function loanQuery(id: string, initial?: LoanDetail) {
  return queryOptions({
    queryKey: ["loans", "detail", id] as const,
    queryFn: ({ signal }) => fetchJson<LoanDetail>(`/api/loans/${encodeURIComponent(id)}`, signal),
    ...(initial ? { initialData: initial } : {}),
  });
}

/** What waits for me on both sides (requests to answer, loans to pick up), through /api/loans/waiting. */
export function waitingQuery(initial?: WaitingCounts) {
  return queryOptions({
    queryKey: ["loans", "waiting"] as const,
    queryFn: ({ signal }) => fetchJson<WaitingCounts>("/api/loans/waiting", signal),
    ...(initial ? { initialData: initial } : {}),
  });
}
