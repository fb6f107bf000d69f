import type { Condition, DateRange, NewDomainEvent } from "@sharehood/sdk";
import { writeEvents } from "@sharehood/server-kit";
import { Prisma, sqlStateOf, type Db } from "../../db.ts";
import { createAvailabilityRepository } from "../availability/availability.repository.ts";
import type { ItemRow } from "./item-row.ts";
import { createWordsRepository } from "./words.repository.ts";
import { IS_PUBLIC, IS_PUBLIC_IN_ORDER } from "./public-sql.ts";
import {
  chordByFormula,
  chordFrom,
  distanceFrom,
  isInBox,
  isInLatLngRange,
  isWithin,
  isWithinChord,
  radiusChord,
  type Near,
} from "./near-sql.ts";

export interface ItemFields {
  title: string;
  description: string;
  categoryId: string;
  condition: Condition;
  location: string | null;
  /** Already snapped to the position grid (the service does it); null: no position. */
  lat: number | null;
  lng: number | null;
  paused: boolean;
  minDays: number | null;
  maxDays: number | null;
  noticeDays: number;
}

/** What writing an item did: changed, not there (or stale), or refused over a booked loan. */
export type UpdateOutcome = "updated" | "missing" | "dates_taken";

export type ItemSort = "newest" | "title" | "relevance" | "distance";
/** The keyset position after which a page starts: the sort values of the previous page's last row. */
export type ItemPosition = [string | number, string];

export interface ItemSearch {
  q?: string;
  category?: string;
  ownerId?: string;
  available?: { from: string; to: string };
  /** Only items within a radius of a point, each with its distance. */
  near?: Near;
  /** Lists hidden items too (an owner's own list, or an admin's); public reads never do. */
  includeHidden?: boolean;
  sort: ItemSort;
  after?: ItemPosition;
  limit: number;
}

/** A row of a search: the item, with what its page was ordered on (rank, distance) when there was one. */
export type SearchRow = ItemRow & { rank: number | null; distanceM: number | null; chord?: number };

const { sql, join } = Prisma;

// The item's blocked days that have not ended (UTC's today, the calendar loans use), in the same
// statement as the item: an index probe on (item_id, start_date) per row, no round trip of its own.
const BLOCKED_RANGES = sql`coalesce((
  SELECT json_agg(json_build_object('start', to_char(b.start_date, 'YYYY-MM-DD'), 'end', to_char(b.end_date, 'YYYY-MM-DD')) ORDER BY b.start_date)
  FROM item_blocks b WHERE b.item_id = i.id AND b.end_date >= (now() AT TIME ZONE 'UTC')::date), '[]'::json)`;

// One SELECT list for every read, so lists and single items come back in the same shape.
export const SELECT_ITEM = sql`
  SELECT i.id, i.owner_id AS "ownerId", coalesce(o.name, 'A neighbour') AS "ownerName", o.avatar_url AS "ownerAvatarUrl",
         i.title, i.description, i.category_id AS "categoryId", i.condition::text AS condition, i.location,
         i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt",
         i.hidden_at AS "hiddenAt", i.hidden_reason AS "hiddenReason", (o.suspended_at IS NOT NULL) AS "ownerSuspended",
         i.lat, i.lng, i.paused, i.min_days AS "minDays", i.max_days AS "maxDays", i.notice_days AS "noticeDays",
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'key', p.key, 'width', p.width, 'height', p.height) ORDER BY p.position)
                   FROM photos p WHERE p.item_id = i.id), '[]'::json) AS photos,
         ${BLOCKED_RANGES} AS "blockedRanges"`;

const FROM_ITEMS = sql`FROM items i LEFT JOIN owners o ON o.id = i.owner_id`;

// Saved items and moderation read items through the same public filter.
export { IS_PUBLIC };

/** Whether an approved/active loan of the item overlaps the range (the same test the exclusion constraint makes). */
const isBooked = (from: string, to: string) => sql`EXISTS (
  SELECT 1 FROM loans l WHERE l.item_id = i.id AND l.status IN ('approved', 'active')
    AND daterange(l.start_date, l.end_date, '[]') && daterange(${from}::date, ${to}::date, '[]'))`;

// What a page is found and ordered on (narrow rows), with the distance when searching near a point.
const pageColumns = (near: Near | undefined) =>
  sql`i.id, i.created_at, lower(i.title) AS sort_title, ${near ? distanceFrom(near) : sql`NULL::float8`} AS distance_m`;
const PAGE_ORDER: Record<ItemSort, Prisma.Sql> = {
  newest: sql`page.created_at DESC, page.id DESC`,
  title: sql`page.sort_title ASC, page.id ASC`,
  relevance: sql`page.rank DESC, page.id DESC`,
  distance: sql`page.chord ASC, page.id ASC`,
};

/**
 * A page of the items within the radius, nearest first, in two steps over the GiST index. First a
 * KNN scan (`ORDER BY <->` with the radius box as its index condition) hands out matches nearest
 * first and stops at the page's size: the distance of the last one is the page's edge. Items on one
 * grid cell are equally far, and the page must order them by id to page through them stably, which
 * a KNN scan cannot; so the page is then every match within the edge (a small box on the same
 * index: the page and the rest of its last cell), sorted by (distance, id). The cursor is the
 * (chord, id) of the previous page's last row. Ordering by (distance, id) in one step would make
 * PostgreSQL fetch and sort every match in the radius (about 11,000 at 5 km in the bench town).
 */
function nearestPage(near: Near, filters: Prisma.Sql[], s: ItemSearch) {
  const chord = chordFrom(near);
  const where = [...filters, isWithin(near)];
  if (s.after) where.push(sql`(${chord}, i.id) > (${Number(s.after[0])}::float8, ${s.after[1]})`);
  const matches = join(where, " AND ");
  return sql`SELECT ${pageColumns(near)}, NULL::real AS rank, ${chord} AS chord
    FROM items i, (SELECT max(k.chord) AS edge FROM (
      SELECT ${chord} AS chord FROM items i WHERE ${matches} ORDER BY ${chord} LIMIT ${s.limit}) k) page_edge
    WHERE ${matches} AND ${isWithinChord(near, sql`page_edge.edge`)}
    ORDER BY ${chord} ASC, i.id ASC LIMIT ${s.limit}`;
}

/**
 * A page of the items matching a text search within the radius, nearest first. The text index
 * finds the matches (a few thousand for a common word at 100k items, where reading the radius
 * nearest first and testing each row's words would read far more), the latitude and longitude
 * ranges drop those far away, and the chord of each one left is computed once, from the columns
 * (see chordByFormula), then tested against the radius's and sorted by (chord, id). The cursor is
 * that (chord, id): the same formula on every page of the search.
 */
function nearestMatchesPage(near: Near, query: Prisma.Sql, filters: Prisma.Sql[], s: ItemSearch) {
  const candidates = join([...filters, sql`i.search @@ ${query}`, isInLatLngRange(near)], " AND ");
  const within = [sql`m.chord <= ${radiusChord(near)}::float8`];
  if (s.after) within.push(sql`(m.chord, m.id) > (${Number(s.after[0])}::float8, ${s.after[1]})`);
  return sql`WITH m AS MATERIALIZED (SELECT i.id, ${chordByFormula(near)} AS chord FROM items i WHERE ${candidates})
    SELECT ${pageColumns(near)}, NULL::real AS rank, nearest.chord
    FROM (SELECT m.id, m.chord FROM m WHERE ${join(within, " AND ")} ORDER BY m.chord, m.id LIMIT ${s.limit}) nearest
    JOIN items i ON i.id = nearest.id`;
}

/** A page of items in title or newest-first order, matching the query if there is one. */
function orderedPage(query: Prisma.Sql | undefined, filters: Prisma.Sql[], s: ItemSearch): Prisma.Sql {
  const where = query ? [...filters, sql`i.search @@ ${query}`] : [...filters];
  let order: Prisma.Sql;
  if (s.sort === "title") {
    if (s.after) where.push(sql`(lower(i.title), i.id) > (${String(s.after[0])}, ${s.after[1]})`);
    order = sql`lower(i.title) ASC, i.id ASC`;
  } else {
    if (s.after) where.push(sql`(i.created_at, i.id) < (${String(s.after[0])}::timestamptz, ${s.after[1]})`);
    order = sql`i.created_at DESC, i.id DESC`;
  }
  const rank = query ? sql`ts_rank(i.search, ${query})` : sql`NULL::real`;
  return sql`SELECT ${pageColumns(s.near)}, ${rank} AS rank FROM items i
    WHERE ${join(where, " AND ")} ORDER BY ${order} LIMIT ${s.limit}`;
}

/**
 * A page of the items matching the query, best first. Exact ranking has to score every match, which
 * costs a common word thousands of rows in a large catalogue; but a one-lexeme query's ts_rank is
 * stored per item in item_search_terms (kept by triggers, see its migration), in index order, so
 * such a query reads just its page there. Queries of several lexemes, which match few items, rank
 * their GIN matches. numnode() picks the branch once per query (PostgreSQL folds the test of the
 * other into a false one-time filter), and both give the same ranks, so the cursor is the same.
 */
function relevancePage(query: Prisma.Sql, filters: Prisma.Sql[], s: ItemSearch): Prisma.Sql {
  // ts_rank, not ts_rank_cd: cover density adds nothing on a title and a short description, and
  // costs about 40% more per match; the weights (title A, description B) still rank titles first.
  const rank = sql`ts_rank(i.search, ${query})`;
  const stored = [...filters, sql`numnode(${query}) = 1`, sql`t.term = ${query}`];
  const ranked = [...filters, sql`numnode(${query}) <> 1`, sql`i.search @@ ${query}`];
  if (s.after) {
    const [afterRank, afterId] = [sql`${Number(s.after[0])}::real`, s.after[1]];
    stored.push(sql`(t.rank, t.item_id) < (${afterRank}, ${afterId})`);
    ranked.push(sql`(${rank}, i.id) < (${afterRank}, ${afterId})`);
  }
  // Ordering by t.term as well (equal on every row) lets even a generic plan read the index in order.
  return sql`
    (SELECT ${pageColumns(s.near)}, t.rank FROM item_search_terms t JOIN items i ON i.id = t.item_id
     WHERE ${join(stored, " AND ")} ORDER BY t.term, t.rank DESC, t.item_id DESC LIMIT ${s.limit})
    UNION ALL
    (SELECT ${pageColumns(s.near)}, ${rank} AS rank FROM items i
     WHERE ${join(ranked, " AND ")} ORDER BY ${rank} DESC, i.id DESC LIMIT ${s.limit})`;
}

/** How many items in a radius make it crowded (see isCrowded). */
const CROWDED_RADIUS = 200;

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Hides an item from everyone but its owner and admins, with why and by whom, inside the caller's
 * transaction (a report's resolution); answers what the owner is told about, or null when there is
 * no such item. The version moves on, since the owner's view of it changed.
 */
export async function hideItemIn(
  tx: Tx,
  hide: { id: string; reason: string; by: string },
): Promise<{ id: string; title: string; ownerId: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; title: string; ownerId: string }[]>`
    UPDATE items SET hidden_at = coalesce(hidden_at, now()), hidden_reason = ${hide.reason}, hidden_by = ${hide.by},
      version = version + 1, updated_at = now()
    WHERE id = ${hide.id} RETURNING id, title, owner_id AS "ownerId"`;
  return rows[0] ?? null;
}

export function createItemsRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  // Admins' changes to someone else's item are audited: the audit event is written in the change's
  // transaction (the outbox), and the relay nudged once it committed.
  const nudge = (events: readonly NewDomainEvent[]) => {
    if (events.length > 0) options.onEventsWritten?.();
  };
  /**
   * Whether at least CROWDED_RADIUS positioned items lie in the radius's box. PostgreSQL cannot tell
   * how many items a box holds (cube's `<@` is estimated at 0.1% of the rows, whatever the box), so
   * a page of newest or best matches near a point would always be found through the box and sorted:
   * in a town that is every item within the radius (~11,000 at 5 km in the bench: 300 ms).
   * When the radius is that crowded, reading the catalogue in the page's own order and keeping the
   * items within the radius finds a page after about limit × catalogue / crowd rows instead; when it
   * is not, the box is the short way. This probe reads at most CROWDED_RADIUS index entries.
   */
  async function isCrowded(near: Near): Promise<boolean> {
    const [row] = await db.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS count FROM (SELECT 1 FROM items i WHERE ${isInBox(near)} LIMIT ${CROWDED_RADIUS}) box`;
    return (row?.count ?? 0) >= CROWDED_RADIUS;
  }

  return {
    async findById(id: string): Promise<ItemRow | null> {
      const rows = await db.$queryRaw<
        ItemRow[]
      >`${SELECT_ITEM} ${FROM_ITEMS} WHERE i.id = ${id} AND i.deleted_at IS NULL`;
      return rows[0] ?? null;
    },

    /**
     * An item with the dates already booked (approved and active loans that have not ended), in one
     * round trip: this is the uncached path of the most visited page.
     */
    async findDetail(
      id: string,
      today: string,
    ): Promise<(ItemRow & { bookings: { startDate: string; endDate: string }[] }) | null> {
      const rows = await db.$queryRaw<
        (ItemRow & { bookings: { startDate: string; endDate: string }[] })[]
      >`${SELECT_ITEM},
        coalesce((SELECT json_agg(json_build_object('startDate', to_char(l.start_date, 'YYYY-MM-DD'), 'endDate', to_char(l.end_date, 'YYYY-MM-DD')) ORDER BY l.start_date)
                  FROM loans l WHERE l.item_id = i.id AND l.status IN ('approved', 'active') AND l.end_date >= ${today}::date), '[]'::json) AS bookings
        ${FROM_ITEMS} WHERE i.id = ${id} AND i.deleted_at IS NULL`;
      return rows[0] ?? null;
    },

    /**
     * Searches with keyset pagination (no OFFSET, so pages stay stable while items are added and
     * stay fast deep into a large catalogue). Full-text matching uses the GIN-indexed tsvector; a
     * one-word search by relevance reads its page from item_search_terms instead (see below).
     */
    async search(s: ItemSearch): Promise<SearchRow[]> {
      const query = s.q ? sql`websearch_to_tsquery('sharehood', ${s.q})` : undefined;
      const where = [sql`i.deleted_at IS NULL`];
      // Nearest first must keep the index's order: see IS_PUBLIC_IN_ORDER.
      if (!s.includeHidden) where.push(s.sort === "distance" ? IS_PUBLIC_IN_ORDER : IS_PUBLIC);
      if (s.category) where.push(sql`i.category_id = ${s.category}`);
      if (s.ownerId) where.push(sql`i.owner_id = ${s.ownerId}`);
      if (s.available) where.push(sql`NOT ${isBooked(s.available.from, s.available.to)}`);
      let page: Prisma.Sql;
      if (s.near && s.sort === "distance") {
        page = query ? nearestMatchesPage(s.near, query, where, s) : nearestPage(s.near, where, s);
      } else {
        // Through the radius's box on the GiST index, unless the text search narrows the items
        // better (PostgreSQL would AND the whole box's bitmap with the text index's) or the page's
        // own order finds a crowded radius's items sooner (see isCrowded).
        if (s.near) where.push(isWithin(s.near, !query && !(await isCrowded(s.near))));
        page =
          query && s.sort === "relevance" ? relevancePage(query, where, s) : orderedPage(query, where, s);
      }
      // The page is found and ordered on narrow rows first (ranking every match is the costly part
      // of a search); only its rows are then read in full, with owners and photos.
      return db.$queryRaw`
        WITH page AS (${page})
        ${SELECT_ITEM}, page.rank, page.distance_m AS "distanceM"${s.sort === "distance" ? sql`, page.chord` : sql``}
        FROM page JOIN items i ON i.id = page.id LEFT JOIN owners o ON o.id = i.owner_id
        ORDER BY ${PAGE_ORDER[s.sort]}`;
    },

    /** Lists a new item with its blocked days (a new item has no loans, so no range can collide). */
    async create(
      ownerId: string,
      fields: ItemFields,
      blockedRanges: readonly DateRange[] = [],
    ): Promise<string> {
      const { id } = await db.item.create({
        data: { ownerId, ...fields, blocks: { create: blockedRanges.map(toBlockRow) } },
        select: { id: true },
      });
      return id;
    },

    /**
     * Applies changes if the item exists (and is at `expectedVersion`, when given): "missing"
     * otherwise. `blockedRanges`, when given, replace the item's blocked days in the same
     * transaction; a range over an approved or active loan makes item_blocks' trigger refuse it
     * (23P01), which rolls everything back: "dates_taken". `events` (an admin's audit record) are
     * written in the same transaction, only if it applied.
     */
    async update(
      id: string,
      fields: Partial<ItemFields>,
      expectedVersion: number | undefined,
      events: readonly NewDomainEvent[] = [],
      blockedRanges?: readonly DateRange[],
    ): Promise<UpdateOutcome> {
      const change = {
        where: {
          id,
          deletedAt: null,
          ...(expectedVersion === undefined ? {} : { version: expectedVersion }),
        },
        data: { ...fields, version: { increment: 1 } },
      };
      // The owner's own edits of the item alone (nearly all of them) need no transaction of their own.
      if (events.length === 0 && blockedRanges === undefined)
        return (await db.item.updateMany(change)).count === 1 ? "updated" : "missing";
      try {
        const applied = await db.$transaction(async (tx) => {
          // The item's row is locked from here on, as item_blocks' trigger would lock it.
          const { count } = await tx.item.updateMany(change);
          if (count !== 1) return false;
          if (blockedRanges) {
            await tx.itemBlock.deleteMany({ where: { itemId: id } });
            await tx.itemBlock.createMany({
              data: blockedRanges.map((r) => ({ itemId: id, ...toBlockRow(r) })),
            });
          }
          await writeEvents(tx, "inventory-api", events);
          return true;
        });
        if (applied) nudge(events);
        return applied ? "updated" : "missing";
      } catch (error) {
        if (sqlStateOf(error) === "23P01") return "dates_taken";
        throw error;
      }
    },

    /**
     * Removes an item unless a loan of it is approved or active, cancels its open requests and
     * deletes its photos' rows, answering their storage keys (the caller removes the files once
     * this has committed). The row lock taken by the UPDATE serialises this with approvals and with
     * photo changes (which also lock the item).
     */
    remove: (
      id: string,
      expectedVersion: number | undefined,
      actorId: string | null,
      events: readonly NewDomainEvent[] = [],
    ) =>
      db
        .$transaction(async (tx): Promise<RemoveOutcome> => {
          const { count } = await tx.item.updateMany({
            where: {
              id,
              deletedAt: null,
              ...(expectedVersion === undefined ? {} : { version: expectedVersion }),
            },
            data: { deletedAt: new Date(), version: { increment: 1 } },
          });
          if (count === 0) return { outcome: "missing" };
          if ((await tx.loan.count({ where: { itemId: id, status: { in: ["approved", "active"] } } })) > 0) {
            throw new BookedItem();
          }
          await tx.$executeRaw`
          WITH cancelled AS (
            UPDATE loans SET status = 'cancelled', updated_at = now() WHERE item_id = ${id} AND status = 'requested' RETURNING id)
          INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
          SELECT id, 'cancelled', 'requested', 'cancelled', ${actorId} FROM cancelled`;
          const photos = await tx.$queryRaw<{ key: string }[]>`
            DELETE FROM photos WHERE item_id = ${id} RETURNING key`;
          await writeEvents(tx, "inventory-api", events);
          return { outcome: "removed", photoKeys: photos.map((p) => p.key) };
        })
        .then((outcome) => {
          if (outcome.outcome === "removed") nudge(events);
          return outcome;
        })
        .catch((error: unknown): RemoveOutcome => {
          if (error instanceof BookedItem) return { outcome: "booked" };
          throw error;
        }),

    /**
     * Unlists every item of an owner (their account is gone) and deletes those items' photo rows, in
     * one statement; answers how many items, and the photos' storage keys for removing their files.
     */
    removeAllOf: async (ownerId: string): Promise<{ count: number; photoKeys: string[] }> => {
      const rows = await db.$queryRaw<{ count: number; photoKeys: string[] }[]>`
        WITH removed AS (
          UPDATE items SET deleted_at = now(), updated_at = now(), version = version + 1
          WHERE owner_id = ${ownerId} AND deleted_at IS NULL RETURNING id),
        gone AS (DELETE FROM photos WHERE item_id IN (SELECT id FROM removed) RETURNING key)
        SELECT (SELECT count(*)::int FROM removed) AS count,
               coalesce((SELECT array_agg(key) FROM gone), '{}') AS "photoKeys"`;
      return rows[0] ?? { count: 0, photoKeys: [] };
    },

    ...createWordsRepository(db),
    ...createAvailabilityRepository(db),

    versionOf: async (id: string): Promise<number | null> =>
      (await db.item.findFirst({ where: { id, deletedAt: null }, select: { version: true } }))?.version ??
      null,
  };
}

/** What removing an item did; the removed item's photo files are the caller's to delete. */
export type RemoveOutcome =
  { outcome: "removed"; photoKeys: string[] } | { outcome: "missing" } | { outcome: "booked" };

/** A blocked range as its row's date columns. */
const toBlockRow = (range: DateRange) => ({
  startDate: new Date(`${range.start}T00:00:00Z`),
  endDate: new Date(`${range.end}T00:00:00Z`),
});

/** Thrown inside the removal transaction to roll it back when the item is booked. */
class BookedItem extends Error {}

export type ItemsRepository = ReturnType<typeof createItemsRepository>;
