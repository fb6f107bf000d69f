import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import type { Availability, Item, ItemPage, Page } from "@sharehood/sdk/contract";
import { fetchJson } from "@/features/layout/fetch-json";
import { filtersToSearch, type ItemFilters } from "@/features/items/item-filters";

/** Browse results for some filters, page after page, through the app's own /api/items. */
export function itemsQuery(filters: ItemFilters, initialPage?: ItemPage) {
  return infiniteQueryOptions({
    queryKey: ["items", filters] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<ItemPage>(
        `/api/items${filtersToSearch(filters, pageParam ? { cursor: pageParam } : {})}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** My own listings (all pages are loaded as I scroll). */
export function myItemsQuery(ownerId: string, initialPage?: Page<Item>) {
  return infiniteQueryOptions({
    queryKey: ["items", "owner", ownerId] as const,
    queryFn: ({ pageParam, signal }) =>
      fetchJson<Page<Item>>(
        `/api/items?ownerId=${encodeURIComponent(ownerId)}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ""}`,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    ...(initialPage ? { initialData: { pages: [initialPage], pageParams: [null] } } : {}),
  });
}

/** The window of days the item page reads the taken days of, once: see `availabilityWindow`. */
export function availabilityQuery(
  itemId: string,
  window: { from: string; to: string },
  initial?: Availability,
) {
  return queryOptions({
    queryKey: ["items", itemId, "availability", window.from, window.to] as const,
    queryFn: ({ signal }) =>
      fetchJson<Availability>(
        `/api/items/${encodeURIComponent(itemId)}/availability?from=${window.from}&to=${window.to}`,
        signal,
      ),
    ...(initial ? { initialData: initial } : {}),
  });
}
