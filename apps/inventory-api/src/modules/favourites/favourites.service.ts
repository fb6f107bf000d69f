import { z } from "zod";
import { MAX_SAVED_ITEMS, type Item, type Page } from "@sharehood/sdk";
import { conflict, decodeCursor, encodeCursor, notFound } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import { toItemDto, type PhotoUrls } from "../items/item-dto.ts";
import type { FavouritesRepository } from "./favourites.repository.ts";

const FavouriteCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);

/**
 * Saved items: each person's own list, which nobody else can read. An item that is removed or
 * hidden drops out of it; saving one is refused as if it did not exist (404).
 */
export function createFavouritesService(deps: { favourites: FavouritesRepository; photoUrls: PhotoUrls }) {
  const { favourites, photoUrls } = deps;
  return {
    async save(caller: Caller, itemId: string): Promise<void> {
      const outcome = await favourites.save(caller.user.id, itemId, MAX_SAVED_ITEMS);
      if (outcome === "missing") throw notFound("The item");
      if (outcome === "full")
        throw conflict(`You can save at most ${MAX_SAVED_ITEMS} items: forget some to save more`);
    },

    remove: (caller: Caller, itemId: string): Promise<void> => favourites.remove(caller.user.id, itemId),

    async list(caller: Caller, query: { cursor?: string; limit: number }): Promise<Page<Item>> {
      const rows = await favourites.list(caller.user.id, {
        after: query.cursor ? decodeCursor(query.cursor, FavouriteCursorSchema) : undefined,
        limit: query.limit + 1,
      });
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map((row) => toItemDto(row, photoUrls)),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.savedAt.toISOString(), last.id]) : null,
      };
    },

    ids: async (caller: Caller) => ({ ids: await favourites.ids(caller.user.id) }),
  };
}

export type FavouritesService = ReturnType<typeof createFavouritesService>;
