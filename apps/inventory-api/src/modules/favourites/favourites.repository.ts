import { Prisma, type Db } from "../../db.ts";
import type { ItemRow } from "../items/item-row.ts";
import { IS_PUBLIC, SELECT_ITEM } from "../items/items.repository.ts";

const { sql } = Prisma;

// A saved item shows while it is listed and public: removed items (their rows stay for loan history),
// items moderators hid and items of suspended owners drop out, and come back if they are shown again.
const IS_SHOWN = sql`i.deleted_at IS NULL AND ${IS_PUBLIC}`;

/** What saving did: stored, already there (nothing to do), refused at the limit, or no such item. */
export type SaveOutcome = "saved" | "already" | "full" | "missing";

export function createFavouritesRepository(db: Db) {
  return {
    /**
     * Saves an item unless the person's list already holds `max` shown items. Their saves take turns
     * on a lock of their own, so two at once cannot both slip under the limit; saving an item twice
     * changes nothing (the primary key), not even its place in the list.
     */
    save: (userId: string, itemId: string, max: number): Promise<SaveOutcome> =>
      db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`favourites:${userId}`}))`;
        const rows = await tx.$queryRaw<{ shown: boolean; saved: boolean; count: number }[]>`
          SELECT EXISTS (SELECT 1 FROM items i WHERE i.id = ${itemId} AND ${IS_SHOWN}) AS shown,
                 EXISTS (SELECT 1 FROM favourites WHERE user_id = ${userId} AND item_id = ${itemId}) AS saved,
                 (SELECT count(*)::int FROM favourites f JOIN items i ON i.id = f.item_id
                  WHERE f.user_id = ${userId} AND ${IS_SHOWN}) AS count`;
        const state = rows[0]!;
        if (!state.shown) return "missing";
        if (state.saved) return "already";
        if (state.count >= max) return "full";
        await tx.$executeRaw`INSERT INTO favourites (user_id, item_id) VALUES (${userId}, ${itemId})`;
        return "saved";
      }),

    async remove(userId: string, itemId: string): Promise<void> {
      await db.$executeRaw`DELETE FROM favourites WHERE user_id = ${userId} AND item_id = ${itemId}`;
    },

    /** Forgets everything a deleted account saved: nobody could see or change that list again. */
    removeAllOf: (userId: string): Promise<number> =>
      db.$executeRaw`DELETE FROM favourites WHERE user_id = ${userId}`,

    /**
     * A page of the person's shown saved items, most recently saved first, keyset-paged on
     * (created_at, item_id) along the (user_id, created_at DESC, item_id DESC) index. The page is
     * found on narrow rows first; only its items are then read in full, as every item read is.
     */
    list: (
      userId: string,
      page: { after?: [string, string]; limit: number },
    ): Promise<(ItemRow & { savedAt: Date })[]> =>
      db.$queryRaw`
        WITH page AS (
          SELECT f.item_id, f.created_at FROM favourites f JOIN items i ON i.id = f.item_id
          WHERE f.user_id = ${userId} AND ${IS_SHOWN}
            ${page.after ? sql`AND (f.created_at, f.item_id) < (${page.after[0]}::timestamptz, ${page.after[1]})` : sql``}
          ORDER BY f.created_at DESC, f.item_id DESC LIMIT ${page.limit})
        ${SELECT_ITEM}, page.created_at AS "savedAt"
        FROM page JOIN items i ON i.id = page.item_id LEFT JOIN owners o ON o.id = i.owner_id
        ORDER BY page.created_at DESC, page.item_id DESC`,

    /** The ids of every shown item the person saved (at most the limit), most recently saved first. */
    async ids(userId: string): Promise<string[]> {
      const rows = await db.$queryRaw<{ id: string }[]>`
        SELECT f.item_id AS id FROM favourites f JOIN items i ON i.id = f.item_id
        WHERE f.user_id = ${userId} AND ${IS_SHOWN} ORDER BY f.created_at DESC, f.item_id DESC`;
      return rows.map((row) => row.id);
    },
  };
}

export type FavouritesRepository = ReturnType<typeof createFavouritesRepository>;
