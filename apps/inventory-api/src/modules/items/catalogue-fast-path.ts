import type { IncomingMessage } from "node:http";
import { parse } from "node:querystring";
import type { z } from "zod";
import {
  AvailabilityQuerySchema,
  IdSchema,
  ListItemsQuerySchema,
  SuggestQuerySchema,
} from "@sharehood/sdk/contract";
import type { FastHandler } from "@sharehood/server-kit";
import { respondCached, type CachedResponse, type PublicCache } from "../public-cache/public-cache.ts";
import type { ItemsService } from "./items.service.ts";

type ListQuery = z.output<typeof ListItemsQuerySchema>;

// Catalogue pages are asked for by a few query strings over and over (the home page, a category),
// and validating one costs about as much as the rest of a cache hit; so the parsed query of each
// recent query string is kept. Bounded: past the limit the memo starts again.
const MEMO_LIMIT = 500;
const parsedQueries = new Map<string, Readonly<ListQuery> | null>();

/** The validated list query of a query string, or null when it is not valid. */
function listQueryOf(search: string): Readonly<ListQuery> | null {
  let query = parsedQueries.get(search);
  if (query === undefined) {
    // The same parser and schema as the Express route; anything odd is left to it (and its 400).
    const parsed = ListItemsQuerySchema.safeParse(search === "" ? {} : parse(search));
    query = parsed.success ? Object.freeze(parsed.data) : null;
    if (parsedQueries.size >= MEMO_LIMIT) parsedQueries.clear();
    parsedQueries.set(search, query);
  }
  return query;
}

/** How to answer a hot read (from the cache, building the entry on a miss), or undefined if it is not one. */
function answerFor(
  req: IncomingMessage,
  items: ItemsService,
  cache: PublicCache,
): { route: string; read: () => Promise<CachedResponse | undefined> } | undefined {
  const url = req.url ?? "";
  const mark = url.indexOf("?");
  const path = mark === -1 ? url : url.slice(0, mark);
  if (path === "/items") {
    const query = listQueryOf(mark === -1 ? "" : url.slice(mark + 1));
    // Someone signed in reading one person's items may be that owner (or an admin), who also sees
    // the hidden ones: the Express route works out who they are.
    if (query?.ownerId && req.headers.authorization) return undefined;
    return query ? { route: "/items", read: () => items.list(query) } : undefined;
  }
  if (path === "/items/suggest") {
    const query = SuggestQuerySchema.safeParse(parse(mark === -1 ? "" : url.slice(mark + 1)));
    return query.success ? { route: "/items/suggest", read: () => items.suggest(query.data) } : undefined;
  }
  if (path.startsWith("/items/")) {
    const [id = "", ...rest] = path.slice("/items/".length).split("/");
    if (!IdSchema.safeParse(id).success) return undefined;
    if (rest.length === 0) return { route: "/items/:id", read: () => items.get(id) };
    if (rest.length !== 1 || rest[0] !== "availability") return undefined;
    const query = AvailabilityQuerySchema.safeParse(parse(mark === -1 ? "" : url.slice(mark + 1)));
    return query.success
      ? { route: "/items/:id/availability", read: () => items.availability(id, query.data) }
      : undefined;
  }
  if (path === "/categories" && mark === -1)
    return { route: "/categories", read: () => cache.peek("categories") };
  return undefined;
}

/**
 * The hot public reads (catalogue pages, item pages, suggestions, availability, categories) answered before Express: from the
 * public cache, or built through the items service on a miss (the same code the routes call). Any
 * failure (an unknown or hidden item, a bad cursor, a database outage) falls through to the Express
 * routes, which answer it with their validation and problem+json (and show a hidden item to its
 * owner and admins).
 */
export function createCatalogueFastPath(items: ItemsService, cache: PublicCache): FastHandler {
  return async (req) => {
    const hot = answerFor(req, items, cache);
    if (!hot) return undefined;
    const cached = await hot.read().catch(() => undefined);
    if (!cached) return undefined;
    const answer = respondCached(cached, req.headers["if-none-match"]);
    return { status: answer.status, route: hot.route, body: answer.body, headers: answer.headers };
  };
}
