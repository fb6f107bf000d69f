import type { IncomingMessage } from "node:http";
import { parse } from "node:querystring";
import { IdSchema, ListItemsQuerySchema } from "@sharehood/sdk/contract";
import type { FastHandler } from "@sharehood/server-kit";
import type { ItemsService } from "../items/items.service.ts";
import { respondCached, type CachedResponse, type PublicCache } from "./public-cache.ts";

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
    // The same parser and schema as the Express route; anything odd is left to it (and its 400).
    const query = ListItemsQuerySchema.safeParse(mark === -1 ? {} : parse(url.slice(mark + 1)));
    return query.success ? { route: "/items", read: () => items.list(query.data) } : undefined;
  }
  if (path.startsWith("/items/")) {
    const id = path.slice("/items/".length);
    return IdSchema.safeParse(id).success ? { route: "/items/:id", read: () => items.get(id) } : undefined;
  }
  if (path === "/categories" && mark === -1)
    return { route: "/categories", read: () => cache.peek("categories") };
  return undefined;
}

/**
 * The hot public reads (catalogue pages, item pages, categories) answered before Express: from the
 * public cache, or built through the items service on a miss (the same code the routes call). Any
 * failure (an unknown item, a bad cursor, a database outage) falls through to the Express routes,
 * which answer it with their validation and problem+json.
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
