import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Item, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";

/** Saved items a page of /saved holds. */
export const SAVED_PAGE_SIZE = 24;

/** What the ids query answers, and what its `select` makes of it. */
export interface SavedIds {
  ids: string[];
}
const idSet = (data: SavedIds) => new Set(data.ids);

/**
 * The ids of the items I saved, read once by the browser for whoever is signed in (the pages
 * that show hearts are the same for everybody), then kept in step by the toggles themselves.
 * Keyed by person, so a sign-in as someone else in the same tab never shows the last one's.
 */
export function savedIdsQuery(viewerId: string | undefined) {
  return queryOptions({
    queryKey: ["favourites", "ids", viewerId] as const,
    queryFn: ({ signal }) => fetchJson<SavedIds>("/api/favourites/ids", signal),
    enabled: viewerId !== undefined,
    staleTime: Infinity,
    retry: false,
    select: idSet,
  });
}

/** My saved items, most recently saved first, page after page through /api/favourites. */
export function savedItemsQuery(initialPage?: Page<Item>) {
  return infiniteQueryOptions({
    queryKey: ["favourites", "list"] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Item>>(
        `/api/favourites${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}
