import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import { etagOf, respondCached, type PublicCache } from "../public-cache/public-cache.ts";
import type { CategoriesRepository } from "./categories.repository.ts";

export function categoriesRouter(mount: Mount, categories: CategoriesRepository, cache: PublicCache): Router {
  const router = Router();
  mount(router, inventoryRoutes.listCategories, async ({ req }) => {
    const cached = await cache.get("categories", async () => {
      const body = JSON.stringify({ items: await categories.list(), nextCursor: null });
      return { etag: etagOf(body), body };
    });
    return respondCached(cached, req.headers["if-none-match"]);
  });
  return router;
}
