"use client";
import { keepPreviousData, useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback } from "react";
import type { Category, ItemPage } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button, buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { BrowseFilters } from "@/features/items/browse-filters";
import { ItemGrid } from "@/features/items/item-grid";
import { ItemGridCard } from "@/features/items/item-grid-card";
import { formatDistance } from "@/features/items/distance";
import {
  filtersFromParams,
  filtersToSearch,
  hasFilters as anyFilters,
  NO_FILTERS,
  type ItemFilters,
} from "@/features/items/item-filters";
import { itemsQuery } from "@/features/items/queries";

/** Props of `BrowseView`. */
export interface BrowseViewProps {
  categories: readonly Category[];
  /** The first page as the server rendered it, for the filters it rendered with. */
  initialFilters: ItemFilters;
  initialPage: ItemPage | null;
  initialError: string | null;
}

/** The browse page's interactive part: filters, the results grid and "load more". */
export function BrowseView({ categories, initialFilters, initialPage, initialError }: BrowseViewProps) {
  const searchParams = useSearchParams();
  const filters = filtersFromParams(searchParams);
  const isInitial = filtersToSearch(filters) === filtersToSearch(initialFilters);
  const query = useInfiniteQuery({
    ...itemsQuery(filters, isInitial && initialPage ? initialPage : undefined),
    placeholderData: keepPreviousData,
  });

  const change = useCallback((next: ItemFilters) => {
    // Next keeps useSearchParams in step with history.pushState: no server round trip needed.
    window.history.pushState(null, "", `/${filtersToSearch(next)}`);
  }, []);

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const error = query.error?.message ?? (isInitial && !initialPage ? initialError : null);
  const hasFilters = anyFilters(filters);
  // The API searched again with the closest words when nothing matched what was typed.
  const correctedQuery = query.data?.pages[0]?.correctedQuery;
  const nextCursor = query.data?.pages.at(-1)?.nextCursor;

  return (
    <div className="flex flex-col gap-6">
      <BrowseFilters filters={filters} categories={categories} onChange={change} />
      <div aria-live="polite" className="sr-only">
        {query.isFetching ? "Loading items" : `${items.length} items shown`}
      </div>
      {error && items.length === 0 ? (
        <EmptyState
          title="We couldn't load items right now"
          action={
            <Button variant="secondary" onClick={() => void query.refetch()}>
              Try again
            </Button>
          }
        >
          {error}
        </EmptyState>
      ) : items.length === 0 && !query.isFetching ? (
        <EmptyState
          title={hasFilters ? "Nothing matches that yet" : "No items listed yet"}
          action={
            hasFilters ? (
              // eslint-disable-next-line @next/next/no-html-link-for-pages -- handled in place; the href is the no-JS fallback
              <a
                href="/"
                className={buttonStyles("secondary")}
                onClick={(event) => {
                  event.preventDefault();
                  change(NO_FILTERS);
                }}
              >
                Clear filters
              </a>
            ) : (
              <Link href="/items/new" className={buttonStyles("primary")}>
                List the first item
              </Link>
            )
          }
        >
          {hasFilters
            ? filters.near
              ? "Try a wider radius, other words, another category or different dates."
              : "Try other words, another category or different dates."
            : "Be the first to share something with your neighbours."}
        </EmptyState>
      ) : (
        <>
          {error && <Alert tone="error">{error}</Alert>}
          {correctedQuery && (
            <p role="status" className="text-stone-800">
              Showing results for <strong className="font-semibold">{correctedQuery}</strong>
              <span className="text-stone-600"> (nothing matched “{filters.q}”)</span>
            </p>
          )}
          <ItemGrid label="Items" busy={query.isPlaceholderData}>
            {items.map((item, index) => (
              <li key={item.id} className="flex">
                <div className="flex w-full flex-col [&>article]:flex-1">
                  <ItemGridCard
                    item={item}
                    categories={categories}
                    priority={index < 4}
                    footer={
                      item.distanceKm !== undefined ? (
                        <p className="text-sm font-medium text-stone-700">
                          {formatDistance(item.distanceKm)}
                        </p>
                      ) : undefined
                    }
                  />
                </div>
              </li>
            ))}
          </ItemGrid>
          {nextCursor && (
            <div className="flex justify-center">
              <a
                href={`/${filtersToSearch(filters, { cursor: nextCursor })}`}
                className={buttonStyles("secondary", "lg")}
                aria-busy={query.isFetchingNextPage || undefined}
                onClick={(event) => {
                  event.preventDefault();
                  if (!query.isFetchingNextPage) void query.fetchNextPage();
                }}
              >
                {query.isFetchingNextPage ? "Loading…" : "Show more items"}
              </a>
            </div>
          )}
        </>
      )}
    </div>
  );
}
