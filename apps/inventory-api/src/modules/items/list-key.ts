import type { z } from "zod";
import type { ListItemsQuerySchema } from "@sharehood/sdk/contract";
import type { ItemSort } from "./items.repository.ts";

type ListQuery = z.output<typeof ListItemsQuerySchema>;

/** The sort a list uses: the one asked for, else relevance for a search and newest otherwise. */
export const sortOf = (query: ListQuery): ItemSort => query.sort ?? (query.q ? "relevance" : "newest");

/**
 * The public-cache name of a page of the catalogue. Built from the parsed query (defaults applied,
 * keys in one order), so every spelling of the same request shares one entry; the Express route
 * and the fast path both use it.
 */
export function listCacheKey(query: ListQuery): string {
  return `items:${JSON.stringify([query.q ?? "", query.category ?? "", query.ownerId ?? "", query.availableFrom ?? "", query.availableTo ?? "", sortOf(query), query.limit, query.cursor ?? ""])}`;
}

/** The public-cache name of one item's page. */
export const itemCacheKey = (id: string) => `item:${id}`;
