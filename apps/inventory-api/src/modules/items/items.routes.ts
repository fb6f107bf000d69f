import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import { respondCached } from "../public-cache/public-cache.ts";
import type { ItemsService } from "./items.service.ts";

export function itemsRouter(mount: Mount, items: ItemsService): Router {
  const router = Router();
  mount(router, inventoryRoutes.listItems, async ({ query, req }) =>
    respondCached(await items.list(query), req.headers["if-none-match"]),
  );
  mount(router, inventoryRoutes.getItem, async ({ params, req }) =>
    respondCached(await items.get(params.id), req.headers["if-none-match"]),
  );
  mount(router, inventoryRoutes.createItem, ({ caller, body }) => items.create(caller, body));
  mount(router, inventoryRoutes.replaceItem, ({ caller, params, body, req }) =>
    items.replace(caller, params.id, body, req.get("if-match")),
  );
  mount(router, inventoryRoutes.updateItem, ({ caller, params, body, req }) =>
    items.update(caller, params.id, body, req.get("if-match")),
  );
  mount(router, inventoryRoutes.deleteItem, ({ caller, params, req }) =>
    items.remove(caller, params.id, req.get("if-match")),
  );
  return router;
}
