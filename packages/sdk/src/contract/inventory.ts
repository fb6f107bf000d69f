import { z } from "zod";
import { DateSchema, IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";
import { FIELD_LIMITS } from "./limits.ts";
import {
  borrowingRuleFields,
  DateRangeSchema,
  LoanExtensionSchema,
  rulesAreConsistent,
} from "./borrowing.ts";
import { NearParamSchema, PositionSchema } from "./discovery.ts";
import { MAX_RADIUS_KM } from "./geo.ts";

/** A category of things people lend. */
export const CategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
});
/** A category of things people lend. */
export type Category = z.infer<typeof CategorySchema>;

/** How worn an item is. */
export const ITEM_CONDITIONS = ["new", "like_new", "good", "fair", "worn"] as const;
/** How worn an item is. */
export const ConditionSchema = z.enum(ITEM_CONDITIONS);
/** How worn an item is. */
export type Condition = z.infer<typeof ConditionSchema>;

// Pictures are uploaded photos only (see photos.ts). Bodies are strict, so a client still sending
// the removed `imageUrls` (links to pictures elsewhere, which every visitor's browser would fetch)
// gets a 400 naming it.
const itemFields = {
  title: z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.itemTitle),
  description: z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.itemDescription),
  categoryId: z.string().min(1).max(40),
  condition: ConditionSchema,
  location: z.string().trim().max(FIELD_LIMITS.itemLocation).nullable().optional(),
  /** Where the item is, roughly: stored snapped to a 250 m grid (see `roundPosition`); null clears it. */
  position: PositionSchema.nullable().optional(),
  paused: borrowingRuleFields.paused.optional(),
  minDays: borrowingRuleFields.minDays.optional(),
  maxDays: borrowingRuleFields.maxDays.optional(),
  noticeDays: borrowingRuleFields.noticeDays.optional(),
  blockedRanges: borrowingRuleFields.blockedRanges.optional(),
};

const RULES_MESSAGE = { message: "must not be more than maxDays", path: ["minDays"] };

/**
 * `POST /items` and `PUT /items/:id` body. The rules (`paused`, `minDays`, `maxDays`, `noticeDays`,
 * `blockedRanges`) and `position` are optional: absent means none (on PUT, none any more).
 */
export const CreateItemBodySchema = z.strictObject(itemFields).refine(rulesAreConsistent, RULES_MESSAGE);
/** `POST /items` and `PUT /items/:id` body. */
export type CreateItemBody = z.input<typeof CreateItemBodySchema>;

/** `PATCH /items/:id` body: any of the fields, at least one. */
export const UpdateItemBodySchema = z
  .strictObject({
    title: itemFields.title.optional(),
    description: itemFields.description.optional(),
    categoryId: itemFields.categoryId.optional(),
    condition: itemFields.condition.optional(),
    location: itemFields.location,
    position: itemFields.position,
    paused: itemFields.paused,
    minDays: itemFields.minDays,
    maxDays: itemFields.maxDays,
    noticeDays: itemFields.noticeDays,
    blockedRanges: itemFields.blockedRanges,
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change something")
  // Checked against the item's stored rules too, by the service, when only one of the two is sent.
  .refine(rulesAreConsistent, RULES_MESSAGE);
/** `PATCH /items/:id` body. */
export type UpdateItemBody = z.input<typeof UpdateItemBodySchema>;

/** A booked range shown on an item: an approved or active loan's dates. */
export const BookingSchema = z.object({ startDate: DateSchema, endDate: DateSchema });

/** A photo of an item, in display and thumbnail sizes. */
export const PhotoSchema = z.object({
  id: IdSchema,
  url: z.string(),
  thumbnailUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
});
/** A photo of an item. */
export type Photo = z.infer<typeof PhotoSchema>;

/** An item as everyone sees it. `version` backs its ETag (`"<version>"`). */
export const ItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  description: z.string(),
  categoryId: z.string(),
  condition: ConditionSchema,
  location: z.string().nullable(),
  photos: z.array(PhotoSchema),
  /** The owner's public name and avatar (links to their profile). */
  owner: z.object({ id: IdSchema, name: z.string(), avatarUrl: z.string().nullable() }),
  /**
   * Set when moderators hid the item, with why: only its owner and admins still see it (everyone
   * else gets 404, and it is gone from lists and search). Always null in public reads.
   */
  hidden: z.object({ at: TimestampSchema, reason: z.string() }).nullable(),
  /** Roughly where it is: snapped to a 250 m grid when stored, never more precise. */
  position: PositionSchema.nullable(),
  /** The owner's rules (see borrowing.ts): paused listing, loan length, notice, blocked days. */
  paused: z.boolean(),
  minDays: z.number().int().nullable(),
  maxDays: z.number().int().nullable(),
  noticeDays: z.number().int(),
  blockedRanges: z.array(DateRangeSchema),
  version: z.number().int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
/** An item as everyone sees it. */
export type Item = z.infer<typeof ItemSchema>;

/**
 * An item in a list. `distanceKm` (to 0.1 km) is there when the list was searched `near` a point.
 */
export const ListedItemSchema = ItemSchema.extend({ distanceKm: z.number().optional() });
/** An item in a list. */
export type ListedItem = z.infer<typeof ListedItemSchema>;

/**
 * `GET /items` answer: a page of items. When a search (`q`) matched nothing as typed, it is run again
 * with each word replaced by the closest word of the catalogue ("dril" → "drill"); `correctedQuery`
 * is then the query whose results these are ("Showing results for ...").
 */
export const ItemPageSchema = z.object({
  items: z.array(ListedItemSchema),
  nextCursor: z.string().nullable(),
  correctedQuery: z.string().optional(),
});
/** `GET /items` answer. */
export type ItemPage = z.infer<typeof ItemPageSchema>;

/** An item with the dates already booked (the item page). */
export const ItemDetailSchema = ItemSchema.extend({ bookings: z.array(BookingSchema) });
/** An item with the dates already booked. */
export type ItemDetail = z.infer<typeof ItemDetailSchema>;

/** The strong ETag of an item, for `If-Match`. */
export function itemETag(item: Pick<Item, "version">): string {
  return `"${item.version}"`;
}

/** Sort orders of `GET /items`. `relevance` (the default with `q`) ranks full-text matches. */
export const ITEM_SORTS = ["newest", "title", "relevance", "distance"] as const;

/** `GET /items` query. */
export const ListItemsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  category: z.string().min(1).max(40).optional(),
  ownerId: IdSchema.optional(),
  availableFrom: DateSchema.optional(),
  availableTo: DateSchema.optional(),
  sort: z.enum(ITEM_SORTS).optional(),
  /** Only items within `radiusKm` (default 10) of this point, each answered with its `distanceKm`. */
  near: NearParamSchema.optional(),
  radiusKm: z.coerce.number().positive().max(MAX_RADIUS_KM).optional(),
})
  .refine((q) => (q.availableFrom === undefined) === (q.availableTo === undefined), {
    message: "availableFrom and availableTo go together",
    path: ["availableTo"],
  })
  .refine((q) => !q.availableFrom || !q.availableTo || q.availableFrom <= q.availableTo, {
    message: "must not be before availableFrom",
    path: ["availableTo"],
  })
  .refine((q) => q.sort !== "relevance" || !!q.q, { message: "relevance needs q", path: ["sort"] })
  .refine((q) => q.sort !== "distance" || !!q.near, { message: "distance needs near", path: ["sort"] })
  .refine((q) => q.radiusKm === undefined || !!q.near, {
    message: "radiusKm needs near",
    path: ["radiusKm"],
  });
/** `GET /items` query. */
export type ListItemsQuery = z.input<typeof ListItemsQuerySchema>;

/** Where a loan is in its life. */
export const LOAN_STATUSES = [
  "requested",
  "approved",
  "declined",
  "active",
  "returned",
  "cancelled",
  "expired",
] as const;
/** Where a loan is in its life. */
export const LoanStatusSchema = z.enum(LOAN_STATUSES);
/** Where a loan is in its life. */
export type LoanStatus = z.infer<typeof LoanStatusSchema>;

/** What happened to a loan. */
export const LOAN_EVENT_TYPES = [
  "requested",
  "approved",
  "declined",
  "handed_over",
  "returned",
  "cancelled",
  "expired",
  "extension_requested",
  "extension_approved",
  "extension_declined",
  "extension_cancelled",
] as const;

/** One recorded transition: who did what, when. `actorId` is null for the system (expiry). */
export const LoanEventSchema = z.object({
  type: z.enum(LOAN_EVENT_TYPES),
  fromStatus: LoanStatusSchema.nullable(),
  toStatus: LoanStatusSchema,
  actorId: IdSchema.nullable(),
  at: TimestampSchema,
  /** For the extension events: the end date asked for. Null for the others. */
  endDate: DateSchema.nullable(),
});
/** One recorded transition. */
export type LoanEvent = z.infer<typeof LoanEventSchema>;

/** A borrow request and its state. `overdue` is an active loan past its end date. */
export const LoanSchema = z.object({
  id: IdSchema,
  item: z.object({ id: IdSchema, title: z.string() }),
  ownerId: IdSchema,
  borrowerId: IdSchema,
  borrowerName: z.string(),
  startDate: DateSchema,
  endDate: DateSchema,
  message: z.string().nullable(),
  status: LoanStatusSchema,
  overdue: z.boolean(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
/** A borrow request and its state. */
export type Loan = z.infer<typeof LoanSchema>;

/**
 * A loan with its event history (`GET /loans/:id`, and every transition's answer), and the thread
 * between borrower and owner (`conversationId`; null for anyone else, such as an admin, who cannot
 * read it).
 */
export const LoanDetailSchema = LoanSchema.extend({
  events: z.array(LoanEventSchema),
  conversationId: IdSchema.nullable(),
  /** The newest extension request of the loan (pending, or how the last one ended); null if none. */
  extension: LoanExtensionSchema.nullable(),
});
/** A loan with its event history. */
export type LoanDetail = z.infer<typeof LoanDetailSchema>;

/** `POST /items/:id/loans` body. */
export const CreateLoanBodySchema = z
  .strictObject({
    startDate: DateSchema,
    endDate: DateSchema,
    message: z.string().trim().max(FIELD_LIMITS.loanMessage).optional(),
  })
  .refine((b) => b.startDate <= b.endDate, { message: "must not be before startDate", path: ["endDate"] });
/** `POST /items/:id/loans` body. */
export type CreateLoanBody = z.input<typeof CreateLoanBodySchema>;

/** `GET /loans` query: the caller's loans as borrower or as owner (both when absent). */
export const ListLoansQuerySchema = PageQuerySchema.extend({
  as: z.enum(["borrower", "owner"]).optional(),
  status: LoanStatusSchema.optional(),
});
/** `GET /loans` query. */
export type ListLoansQuery = z.input<typeof ListLoansQuerySchema>;

/** `GET /admin/loans` query: every loan, for moderators, narrowed by state, person or item. */
export const ListAllLoansQuerySchema = PageQuerySchema.extend({
  status: LoanStatusSchema.optional(),
  /** Only active loans past their end date (`true`), or none of those (`false`). */
  overdue: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /** Loans this person borrows or lends. */
  userId: IdSchema.optional(),
  itemId: IdSchema.optional(),
});
/** `GET /admin/loans` query. */
export type ListAllLoansQuery = z.input<typeof ListAllLoansQuerySchema>;
