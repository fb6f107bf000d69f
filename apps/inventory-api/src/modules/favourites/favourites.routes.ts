import { Router } from "express";
import { inventoryRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { FavouritesService } from "./favourites.service.ts";

export function favouritesRouter(mount: Mount, favourites: FavouritesService): Router {
  const router = Router();
  mount(router, inventoryRoutes.saveItem, ({ caller, params }) => favourites.save(caller, params.id));
  mount(router, inventoryRoutes.unsaveItem, ({ caller, params }) => favourites.remove(caller, params.id));
  mount(router, inventoryRoutes.listFavourites, ({ caller, query }) => favourites.list(caller, query));
  mount(router, inventoryRoutes.favouriteIds, ({ caller }) => favourites.ids(caller));
  return router;
}
