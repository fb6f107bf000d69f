import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import { AppError } from "@sharehood/server-kit";
import type { Mount } from "../auth/mount.ts";
import type { OptionalCaller } from "../auth/optional-caller.ts";
import { respondCached, respondPrivate } from "../public-cache/public-cache.ts";
import type { ItemsService } from "./items.service.ts";

const isNotFound = (error: unknown) => error instanceof AppError && error.code === "not_found";

/**
 * Item routes. The public reads (lists, items, suggestions, availability) serve everyone the public
 * (cached) answer; only an owner or admin asking for hidden items (their own list, a hidden item)
 * gets a private, uncached one.
 */
export function itemsRouter(mount: Mount, items: ItemsService, callerOf: OptionalCaller): Router {
  const router = Router();
  mount(router, inventoryRoutes.listItems, async ({ query, req }) => {
    const viewer = query.ownerId ? await callerOf(req) : undefined;
    const own = viewer ? items.listWithHidden(viewer, query) : undefined;
    const inm = req.headers["if-none-match"];
    return own ? respondPrivate(await own, inm) : respondCached(await items.list(query), inm);
  });
  // Before /items/:id, so "suggest" is not taken for an item's id.
  mount(router, inventoryRoutes.suggestItems, async ({ query, req }) =>
    respondCached(await items.suggest(query), req.headers["if-none-match"]),
  );
  mount(router, inventoryRoutes.getAvailability, async ({ params, query, req }) =>
    respondCached(await items.availability(params.id, query), req.headers["if-none-match"]),
  );
  mount(router, inventoryRoutes.getItem, async ({ params, req }) => {
    try {
      return respondCached(await items.get(params.id), req.headers["if-none-match"]);
    } catch (error) {
      // Hidden items answer 404 publicly; their owner and admins still see them.
      const viewer = isNotFound(error) ? await callerOf(req) : undefined;
      const hidden = viewer ? await items.getHidden(viewer, params.id) : undefined;
      if (!hidden) throw error;
      return respondPrivate(hidden, req.headers["if-none-match"]);
    }
  });
  mount(router, inventoryRoutes.createItem, ({ caller, body }) => items.create(caller, body));
  mount(router, inventoryRoutes.replaceItem, ({ caller, params, body, req }) =>
    items.replace(caller, params.id, body, req.get("if-match")),
  );
  mount(router, inventoryRoutes.updateItem, ({ caller, params, body, req }) =>
    items.update(caller, params.id, body, req.get("if-match")),
  );
  mount(router, inventoryRoutes.deleteItem, ({ caller, params, body, req }) =>
    items.remove(caller, params.id, req.get("if-match"), body?.reason),
  );
  return router;
}
