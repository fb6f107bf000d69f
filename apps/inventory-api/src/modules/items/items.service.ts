import { z } from "zod";
import { itemETag, type CreateItemBody, type Item, type Permission } from "@sharehood/sdk";
import type {
  CreateItemBodySchema,
  ListItemsQuerySchema,
  UpdateItemBodySchema,
} from "@sharehood/sdk/contract";
import { AppError, decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import { can, type Caller } from "../auth/caller.ts";
import type { CategoriesRepository } from "../categories/categories.repository.ts";
import type { RemovePhotoFiles } from "../photos/photo-files.ts";
import { etagOf, type CachedResponse, type PublicCache } from "../public-cache/public-cache.ts";
import { expectedVersion, stale } from "./if-match.ts";
import { toItemDetailDto, toItemDto, type PhotoUrls } from "./item-dto.ts";
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

  function assertMayChange(caller: Caller, ownerId: string, own: Permission, any: Permission, verb: string) {
    if (can(caller, any) || (ownerId === caller.user.id && can(caller, own))) return;
    throw forbidden(`Only the item's owner can ${verb} it`);
  }

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
    assertMayChange(caller, current.ownerId, "item.update.own", "item.update.any", "edit");
    await checkCategory(fields.categoryId);
    if (!(await items.update(id, fields, version))) {
      throw (await items.versionOf(id)) === null ? notFound("The item") : stale();
    }
    return toItemDto(await mustFind(id), photoUrls);
  }

  // Writes do not empty the public cache themselves: their routes declare `invalidates` in the
  // contract and the route mounter does it once the write has run.
  return {
    /** A page of the catalogue, from the public cache when it is a page the cache keeps. */
    list(query: ListQuery): Promise<CachedResponse> {
      const sort = sortOf(query);
      const build = async (): Promise<CachedResponse> => {
        const rows = await items.search({
          q: query.q || undefined,
          category: query.category,
          ownerId: query.ownerId,
          available:
            query.availableFrom && query.availableTo
              ? { from: query.availableFrom, to: query.availableTo }
              : undefined,
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
      };
      return isCachedList(query) ? cache.get(listCacheKey(query), build) : build();
    },

    /** One item with its bookings. Its ETag is the item's version, the same one `If-Match` expects. */
    get(id: string): Promise<CachedResponse> {
      return cache.get(itemCacheKey(id), async () => {
        const row = await items.findDetail(id, todayUtc());
        if (!row) throw notFound("The item");
        const detail = toItemDetailDto(row, row.bookings, photoUrls);
        return { etag: itemETag(detail), body: JSON.stringify(detail) };
      });
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

    async remove(caller: Caller, id: string, ifMatch: string | undefined): Promise<void> {
      const version = expectedVersion(ifMatch);
      const current = await mustFind(id);
      assertMayChange(caller, current.ownerId, "item.delete.own", "item.delete.any", "remove");
      const removal = await items.remove(id, version, caller.user.id);
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
