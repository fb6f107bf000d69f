import { z } from "zod";
import {
  DEFAULT_RADIUS_KM,
  itemETag,
  roundPosition,
  rulesAreConsistent,
  type DateRange,
  type Item,
  type ItemDetail,
  type Permission,
  type Position,
} from "@sharehood/sdk";
import type {
  AvailabilityQuerySchema,
  CreateItemBodySchema,
  SuggestQuerySchema,
  ListItemsQuerySchema,
  UpdateItemBodySchema,
} from "@sharehood/sdk/contract";
import { AppError, decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import { can, type Caller } from "../auth/caller.ts";
import type { CategoriesRepository } from "../categories/categories.repository.ts";
import { auditEvent } from "../moderation/audit-event.ts";
import type { RemovePhotoFiles } from "../photos/photo-files.ts";
import { etagOf, type CachedResponse, type PublicCache } from "../public-cache/public-cache.ts";
import { expectedVersion, stale } from "./if-match.ts";
import { toItemDetailDto, toItemDto, type PhotoUrls } from "./item-dto.ts";
import type { ItemRow } from "./item-row.ts";
import { isHidden, seesHiddenOf } from "./item-visibility.ts";
import type { ItemFields, ItemPosition, ItemsRepository, ItemSort, SearchRow } from "./items.repository.ts";
import { availabilityWindow } from "../availability/availability-window.ts";
import {
  availabilityCacheKey,
  isCachedList,
  itemCacheKey,
  listCacheKey,
  MAX_CACHED_QUERY_LENGTH,
  sortOf,
  suggestCacheKey,
} from "./list-key.ts";

type ListQuery = z.output<typeof ListItemsQuerySchema>;

const CursorSchemas: Record<ItemSort, z.ZodType<ItemPosition>> = {
  newest: z.tuple([z.iso.datetime(), z.string().max(64)]),
  title: z.tuple([z.string().max(200), z.string().max(64)]),
  relevance: z.tuple([z.number().refine(isReal, "is not a rank"), z.string().max(64)]),
  // A chord through the earth, in metres (at most its diameter).
  distance: z.tuple([z.number().min(0).max(13_000_000), z.string().max(64)]),
};

/**
 * Ranks are PostgreSQL `real`s, and the cursor carries one as its shortest decimal; a forged value
 * a `real` cannot hold (1e-108 underflows, 1e39 overflows) would fail in SQL, so it is refused here.
 */
function isReal(n: number): boolean {
  return n === 0 || (Number.isFinite(Math.fround(n)) && Math.abs(n) >= 2 ** -126);
}

const datesTaken = () =>
  new AppError(
    "conflict",
    "Some of those blocked days are already promised to a borrower (an approved or active loan). Leave those days out, or cancel that loan first.",
    { extensions: { reason: "dates_taken" } },
  );

const inconsistentRules = () =>
  new AppError("validation_failed", "The shortest loan must not be longer than the longest one", {
    errors: [{ path: "body.minDays", message: "must not be more than maxDays" }],
  });

const unknownCategory = () =>
  new AppError("validation_failed", "The category does not exist", {
    errors: [{ path: "body.categoryId", message: "is not a category" }],
  });

export function createItemsService(deps: {
  items: ItemsRepository;
  categories: CategoriesRepository;
  /** For public reads only; writes' routes declare `invalidates` and the mounter empties it. */
  cache: PublicCache;
  photoUrls: PhotoUrls;
  /** Deletes removed items' photo files (after the removal has committed). */
  removePhotoFiles: RemovePhotoFiles;
}) {
  const { items, categories, cache, photoUrls, removePhotoFiles } = deps;

  async function mustFind(id: string) {
    const row = await items.findById(id);
    if (!row) throw notFound("The item");
    return row;
  }

  /**
   * Checks the caller may change the item; answers whether they do it as an admin on someone
   * else's item (which the audit log records).
   */
  function assertMayChange(
    caller: Caller,
    ownerId: string,
    own: Permission,
    any: Permission,
    verb: string,
  ): { asAdmin: boolean } {
    if (ownerId === caller.user.id && can(caller, own)) return { asAdmin: false };
    if (can(caller, any)) return { asAdmin: ownerId !== caller.user.id };
    throw forbidden(`Only the item's owner can ${verb} it`);
  }

  const itemSubject = (row: ItemRow, title = row.title) => ({
    type: "item" as const,
    id: row.id,
    label: title,
  });

  async function checkCategory(categoryId: string | undefined) {
    if (categoryId !== undefined && !(await categories.exists(categoryId))) throw unknownCategory();
  }

  async function change(
    caller: Caller,
    id: string,
    { fields, blockedRanges }: ItemChange,
    ifMatch: string | undefined,
  ): Promise<Item> {
    const version = expectedVersion(ifMatch);
    const current = await mustFind(id);
    const { asAdmin } = assertMayChange(
      caller,
      current.ownerId,
      "item.update.own",
      "item.update.any",
      "edit",
    );
    await checkCategory(fields.categoryId);
    // A PATCH may set one bound alone: it must still fit the stored other one.
    const bounds = {
      minDays: fields.minDays === undefined ? current.minDays : fields.minDays,
      maxDays: fields.maxDays === undefined ? current.maxDays : fields.maxDays,
    };
    if (!rulesAreConsistent(bounds)) throw inconsistentRules();
    const changed = [...Object.keys(fields), ...(blockedRanges ? ["blockedRanges"] : [])];
    const audit = asAdmin
      ? [
          auditEvent(caller, {
            action: "item.updated",
            subject: itemSubject(current, fields.title ?? current.title),
            details: { ownerId: current.ownerId, fields: changed.sort().join(", ") },
          }),
        ]
      : [];
    const outcome = await items.update(id, fields, version, audit, blockedRanges);
    if (outcome === "dates_taken") throw datesTaken();
    if (outcome === "missing") throw (await items.versionOf(id)) === null ? notFound("The item") : stale();
    return toItemDto(await mustFind(id), photoUrls);
  }

  /** A page of the catalogue (hidden items too when `includeHidden`: an owner's or admin's own view). */
  async function buildList(query: ListQuery, includeHidden: boolean): Promise<CachedResponse> {
    const sort = sortOf(query);
    const near = query.near && { ...query.near, radiusKm: query.radiusKm ?? DEFAULT_RADIUS_KM };
    const search = (q: string | undefined) =>
      items.search({
        q,
        category: query.category,
        ownerId: query.ownerId,
        available:
          query.availableFrom && query.availableTo
            ? { from: query.availableFrom, to: query.availableTo }
            : undefined,
        near,
        includeHidden,
        sort,
        after: query.cursor ? decodeCursor(query.cursor, CursorSchemas[sort]) : undefined,
        limit: query.limit + 1,
      });
    let rows = await search(query.q || undefined);
    let correctedQuery: string | undefined;
    // Nothing as typed: once more with each word swapped for the closest word of the catalogue
    // ("dril" → "drill"). The later pages of such a search come back empty as typed too, so they
    // take the same turn and follow the corrected search's cursor.
    if (query.q && rows.length === 0) {
      const corrected = await items.correct(query.q);
      const retried = corrected ? await search(corrected) : [];
      if (corrected && retried.length > 0) [rows, correctedQuery] = [retried, corrected];
    }
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const position = (row: SearchRow): string | number =>
      sort === "title"
        ? row.title.toLowerCase()
        : sort === "relevance"
          ? Number(row.rank)
          : sort === "distance"
            ? Number(row.chord)
            : row.createdAt.toISOString();
    const body = JSON.stringify({
      items: page.map((row) => {
        const item = toItemDto(row, photoUrls);
        // To 0.1 km: the positions themselves are only good to about 0.2 km.
        return near ? { ...item, distanceKm: Math.round(Number(row.distanceM) / 100) / 10 } : item;
      }),
      nextCursor: rows.length > query.limit && last ? encodeCursor([position(last), last.id]) : null,
      ...(correctedQuery === undefined ? {} : { correctedQuery }),
    });
    return { etag: etagOf(body), body };
  }

  function detailOf(row: ItemRow & { bookings: ItemDetail["bookings"] }): CachedResponse {
    const detail = toItemDetailDto(row, row.bookings, photoUrls);
    return { etag: itemETag(detail), body: JSON.stringify(detail) };
  }

  // Writes do not empty the public cache themselves: their routes declare `invalidates` in the
  // contract and the route mounter does it once the write has run.
  return {
    /** A page of the catalogue, from the public cache when it is a page the cache keeps. */
    list(query: ListQuery): Promise<CachedResponse> {
      const build = () => buildList(query, false);
      return isCachedList(query) ? cache.get(listCacheKey(query), build) : build();
    },

    /**
     * A page of `ownerId`'s items with the hidden ones too, when the viewer is that owner or an
     * admin (undefined for anyone else, who reads the public page). Never cached: it is theirs.
     */
    listWithHidden(viewer: Caller, query: ListQuery): Promise<CachedResponse> | undefined {
      if (!query.ownerId || !seesHiddenOf(viewer, query.ownerId)) return undefined;
      return buildList(query, true);
    },

    /** One item with its bookings. Its ETag is the item's version, the same one `If-Match` expects. */
    get(id: string): Promise<CachedResponse> {
      return cache.get(itemCacheKey(id), async () => {
        const row = await items.findDetail(id, todayUtc());
        if (!row || isHidden(row)) throw notFound("The item");
        return detailOf(row);
      });
    },

    /**
     * Titles for the search box: listed public items whose title, or a word of it, starts with `q`
     * (accents and case ignored). Short prefixes are typed by everyone, so answers are kept in the
     * public cache like the catalogue's first pages, and emptied with it.
     */
    suggest(query: z.output<typeof SuggestQuerySchema>): Promise<CachedResponse> {
      const build = async () => {
        const body = JSON.stringify({ suggestions: await items.suggest(query.q, query.limit) });
        return { etag: etagOf(body), body };
      };
      return query.q.length <= MAX_CACHED_QUERY_LENGTH
        ? cache.get(suggestCacheKey(query.q, query.limit), build)
        : build();
    },

    /**
     * The days of a window on which a public item is taken (approved and active loans, blocked
     * days), never by whom. Cached like the item's page: approving, returning or cancelling a loan
     * and editing the item empty the public cache, so a change shows at once.
     */
    availability(id: string, query: z.output<typeof AvailabilityQuerySchema>): Promise<CachedResponse> {
      const window = availabilityWindow(query, todayUtc());
      return cache.get(availabilityCacheKey(id, window), async () => {
        const taken = await items.takenDays(id, window);
        if (!taken) throw notFound("The item");
        const body = JSON.stringify({ from: window.start, to: window.end, taken });
        return { etag: etagOf(body), body };
      });
    },

    /**
     * A hidden item as its owner or an admin sees it (with why it is hidden), never cached; undefined
     * when the viewer may not see it, or it is not hidden (the public read answers those).
     */
    async getHidden(viewer: Caller, id: string): Promise<CachedResponse | undefined> {
      const row = await items.findDetail(id, todayUtc());
      if (!row || !isHidden(row) || !seesHiddenOf(viewer, row.ownerId)) return undefined;
      return detailOf(row);
    },
    async create(caller: Caller, body: z.output<typeof CreateItemBodySchema>): Promise<Item> {
      await checkCategory(body.categoryId);
      const { fields, blockedRanges } = wholeItem(body);
      const id = await items.create(caller.user.id, fields, blockedRanges);
      return toItemDto(await mustFind(id), photoUrls);
    },

    replace: (
      caller: Caller,
      id: string,
      body: z.output<typeof CreateItemBodySchema>,
      ifMatch: string | undefined,
    ) => change(caller, id, wholeItem(body), ifMatch),

    update: (
      caller: Caller,
      id: string,
      body: z.output<typeof UpdateItemBodySchema>,
      ifMatch: string | undefined,
    ) => change(caller, id, partOfItem(body), ifMatch),

    /** Removes an item; `reason` is an admin's why, kept in the audit log when the item is not theirs. */
    async remove(caller: Caller, id: string, ifMatch: string | undefined, reason?: string): Promise<void> {
      const version = expectedVersion(ifMatch);
      const current = await mustFind(id);
      const { asAdmin } = assertMayChange(
        caller,
        current.ownerId,
        "item.delete.own",
        "item.delete.any",
        "remove",
      );
      const audit = asAdmin
        ? [
            auditEvent(caller, {
              action: "item.deleted",
              subject: itemSubject(current),
              reason,
              details: { ownerId: current.ownerId },
            }),
          ]
        : [];
      const removal = await items.remove(id, version, caller.user.id, audit);
      if (removal.outcome === "booked")
        throw new AppError(
          "conflict",
          "This item is lent out or promised (a loan is approved or active). Finish or cancel that loan first.",
        );
      if (removal.outcome === "missing")
        throw (await items.versionOf(id)) === null ? notFound("The item") : stale();
      await removePhotoFiles(removal.photoKeys);
    },
  };
}

/** What a write changes: the item's columns, and its blocked days when they are replaced. */
interface ItemChange {
  fields: Partial<ItemFields>;
  blockedRanges?: DateRange[];
}

/** A position as stored: snapped to the grid, so nothing finer than a cell is ever kept. */
const positionColumns = (position: Position | null) => {
  const snapped = position && roundPosition(position);
  return { lat: snapped?.lat ?? null, lng: snapped?.lng ?? null };
};

/** A POST or PUT body as the whole item: whatever it leaves out is none (no position, no rules). */
function wholeItem(body: z.output<typeof CreateItemBodySchema>): {
  fields: ItemFields;
  blockedRanges: DateRange[];
} {
  return {
    fields: {
      title: body.title,
      description: body.description,
      categoryId: body.categoryId,
      condition: body.condition,
      location: body.location || null,
      ...positionColumns(body.position ?? null),
      paused: body.paused ?? false,
      minDays: body.minDays ?? null,
      maxDays: body.maxDays ?? null,
      noticeDays: body.noticeDays ?? 0,
    },
    blockedRanges: body.blockedRanges ?? [],
  };
}

/** A PATCH body as the changes it asks for: only the fields it names (null clears). */
function partOfItem(body: z.output<typeof UpdateItemBodySchema>): ItemChange {
  const { location, position, blockedRanges, ...rest } = body;
  const fields: Partial<ItemFields> = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined),
  );
  if (location !== undefined) fields.location = location || null;
  if (position !== undefined) Object.assign(fields, positionColumns(position));
  return { fields, blockedRanges };
}

export type ItemsService = ReturnType<typeof createItemsService>;
