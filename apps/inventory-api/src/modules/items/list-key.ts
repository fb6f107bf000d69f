import type { z } from "zod";
import type { ListItemsQuerySchema } from "@sharehood/sdk/contract";
import type { ItemSort } from "./items.repository.ts";

type ListQuery = z.output<typeof ListItemsQuerySchema>;

/** The sort a list uses: the one asked for, else relevance for a search and newest otherwise. */
export const sortOf = (query: ListQuery): ItemSort => query.sort ?? (query.q ? "relevance" : "newest");

/** The longest search whose first page is cached; longer ones are rarely asked twice. */
export const MAX_CACHED_QUERY_LENGTH = 64;

/**
 * Whether a page of the catalogue is cached: only the first page (no cursor) of the shapes people
 * ask for over and over (browsing, a category, an owner's items, a short search). Later pages and
 * availability ranges have so many values that a crawler could fill Redis with them while each is
 * read about once; they are read from PostgreSQL every time. So are searches near a point: a browser's
 * position is a new pair of numbers for nearly everyone who asks.
 */
export function isCachedList(query: ListQuery): boolean {
  return (
    query.cursor === undefined &&
    query.availableFrom === undefined &&
    query.availableTo === undefined &&
    query.near === undefined &&
    (query.q ?? "").length <= MAX_CACHED_QUERY_LENGTH
  );
}

/**
 * The public-cache name of a page of the catalogue. Built from the parsed query (defaults applied,
 * keys in one order), so every spelling of the same request shares one entry; the Express route
 * and the fast path both use it.
 */
export function listCacheKey(query: ListQuery): string {
  return `items:${JSON.stringify([query.q ?? "", query.category ?? "", query.ownerId ?? "", query.availableFrom ?? "", query.availableTo ?? "", sortOf(query), query.limit, query.cursor ?? ""])}`;
}

/** The public-cache name of the suggestions for a prefix (case does not change them). */
export const suggestCacheKey = (q: string, limit: number) =>
  `suggest:${JSON.stringify([q.toLowerCase(), limit])}`;

/** The public-cache name of an item's taken days in a window. */
export const availabilityCacheKey = (id: string, window: { start: string; end: string }) =>
  `availability:${id}:${window.start}:${window.end}`;

/** The public-cache name of one item's page. */
export const itemCacheKey = (id: string) => `item:${id}`;
