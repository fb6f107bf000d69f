import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { LoanReviews, UserReviews } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";

/** Reviews a page of a profile holds. */
export const REVIEWS_PAGE_SIZE = 10;

/** Someone's revealed reviews, newest first, page after page through /api/people/:id/reviews. */
export function personReviewsQuery(personId: string, initialPage?: UserReviews) {
  return infiniteQueryOptions({
    queryKey: ["reviews", "person", personId] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<UserReviews>(
        `/api/people/${encodeURIComponent(personId)}/reviews${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** A loan's reviews as its borrower or owner sees them, through /api/loans/:id/reviews. */
export function loanReviewsQuery(loanId: string, initial?: LoanReviews) {
  return queryOptions({
    queryKey: ["reviews", "loan", loanId] as const,
    queryFn: ({ signal }) =>
      fetchJson<LoanReviews>(`/api/loans/${encodeURIComponent(loanId)}/reviews`, signal),
    ...(initial ? { initialData: initial } : {}),
  });
}
