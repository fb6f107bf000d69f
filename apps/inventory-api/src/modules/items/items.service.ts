import { z } from "zod";
import { itemETag, type CreateItemBody, type Item, type ItemDetail, type Permission } from "@sharehood/sdk";
import type {
  CreateItemBodySchema,
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
import type { ItemFields, ItemPosition, ItemsRepository, ItemSort } from "./items.repository.ts";
import { isCachedList, itemCacheKey, listCacheKey, sortOf } from "./list-key.ts";

type ListQuery = z.output<typeof ListItemsQuerySchema>;

const CursorSchemas: Record<ItemSort, z.ZodType<ItemPosition>> = {
  newest: z.tuple([z.iso.datetime(), z.string().max(64)]),
  title: z.tuple([z.string().max(200), z.string().max(64)]),
  relevance: z.tuple([z.number().refine(isReal, "is not a rank"), z.string().max(64)]),
};

/**
 * Ranks are PostgreSQL `real`s, and the cursor carries one as its shortest decimal; a forged value
 * a `real` cannot hold (1e-108 underflows, 1e39 overflows) would fail in SQL, so it is refused here.
 */
function isReal(n: number): boolean {
  return n === 0 || (Number.isFinite(Math.fround(n)) && Math.abs(n) >= 2 ** -126);
}

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
    fields: Partial<ItemFields>,
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
    const audit = asAdmin
      ? [
          auditEvent(caller, {
            action: "item.updated",
            subject: itemSubject(current, fields.title ?? current.title),
            details: { ownerId: current.ownerId, fields: Object.keys(fields).sort().join(", ") },
          }),
        ]
      : [];
    if (!(await items.update(id, fields, version, audit))) {
      throw (await items.versionOf(id)) === null ? notFound("The item") : stale();
    }
    return toItemDto(await mustFind(id), photoUrls);
  }

  /** A page of the catalogue (hidden items too when `includeHidden`: an owner's or admin's own view). */
  async function buildList(query: ListQuery, includeHidden: boolean): Promise<CachedResponse> {
    const sort = sortOf(query);
    const rows = await items.search({
      q: query.q || undefined,
      category: query.category,
      ownerId: query.ownerId,
      available:
        query.availableFrom && query.availableTo
          ? { from: query.availableFrom, to: query.availableTo }
          : undefined,
      includeHidden,
      sort,
      after: query.cursor ? decodeCursor(query.cursor, CursorSchemas[sort]) : undefined,
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const position = (row: NonNullable<typeof last>) =>
      sort === "title"
        ? row.title.toLowerCase()
        : sort === "relevance"
          ? Number(row.rank)
          : row.createdAt.toISOString();
    const body = JSON.stringify({
      items: page.map((row) => toItemDto(row, photoUrls)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([position(last), last.id]) : null,
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
      const id = await items.create(caller.user.id, normalise(body));
      return toItemDto(await mustFind(id), photoUrls);
    },

    replace: (
      caller: Caller,
      id: string,
      body: z.output<typeof CreateItemBodySchema>,
      ifMatch: string | undefined,
    ) => change(caller, id, normalise(body), ifMatch),

    update: (
      caller: Caller,
      id: string,
      body: z.output<typeof UpdateItemBodySchema>,
      ifMatch: string | undefined,
    ) =>
      change(
        caller,
        id,
        { ...body, ...(body.location === undefined ? {} : { location: body.location || null }) },
        ifMatch,
      ),

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

function normalise(body: CreateItemBody): ItemFields {
  return {
    title: body.title,
    description: body.description,
    categoryId: body.categoryId,
    condition: body.condition,
    location: body.location || null,
  };
}

export type ItemsService = ReturnType<typeof createItemsService>;
