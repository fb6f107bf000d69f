import { z } from "zod";
import { DateSchema, IdSchema, TimestampSchema } from "./common.ts";
import { daysBetween } from "./days.ts";
import { BORROWING_RULE_LIMITS } from "./limits.ts";

// Borrowing that fits real life: the owner's rules for an item, the dates an item is taken, loan
// extensions and the private calendar feed. Rules are fields of the item (see inventory.ts).

/** A range of calendar days, both ends included. */
export const DateRangeSchema = z
  .object({ start: DateSchema, end: DateSchema })
  .refine((r) => r.start <= r.end, { message: "must not be before start", path: ["end"] });
/** A range of calendar days, both ends included. */
export type DateRange = z.infer<typeof DateRangeSchema>;

const loanDays = z.number().int().min(1).max(BORROWING_RULE_LIMITS.maxLoanDays);

/**
 * The rules an owner sets on an item, as fields of `POST /items`, `PUT` and `PATCH /items/:id` (all
 * optional there). `minDays`/`maxDays` bound a loan's length in days (null: no bound), `noticeDays`
 * is how many days ahead a loan must start (0: today is fine), `paused` stops new requests (a
 * holiday), and `blockedRanges` are days the owner keeps for themselves: they are taken like booked
 * days, and no loan may be approved or extended over them.
 */
export const borrowingRuleFields = {
  paused: z.boolean(),
  minDays: loanDays.nullable(),
  maxDays: loanDays.nullable(),
  noticeDays: z.number().int().min(0).max(BORROWING_RULE_LIMITS.maxNoticeDays),
  blockedRanges: z
    .array(
      DateRangeSchema.refine(
        (r) => daysBetween(r.start, r.end) + 1 <= BORROWING_RULE_LIMITS.maxBlockedRangeDays,
        {
          message: `must be at most ${BORROWING_RULE_LIMITS.maxBlockedRangeDays} days long`,
          path: ["end"],
        },
      ),
    )
    .max(BORROWING_RULE_LIMITS.maxBlockedRanges),
};

/** A body's rules make sense together (the schemas of item bodies add this check). */
export function rulesAreConsistent(rules: { minDays?: number | null; maxDays?: number | null }): boolean {
  return rules.minDays == null || rules.maxDays == null || rules.minDays <= rules.maxDays;
}

/**
 * Why a request or an extension was refused by the item's rules, as the `reason` of the problem:
 * 422 `unprocessable` for `item_paused`, `too_short`, `too_long`, `notice`; 409 `conflict` for
 * `dates_taken` (another loan) and `dates_blocked` (the owner's blocked days).
 */
export const BORROWING_REFUSALS = [
  "item_paused",
  "too_short",
  "too_long",
  "notice",
  "dates_taken",
  "dates_blocked",
  "extension_pending",
] as const;
/** Why a request or an extension was refused by the item's rules. */
export type BorrowingRefusal = (typeof BORROWING_REFUSALS)[number];

/** `GET /items/:id/availability` query: a window of at most 400 days (default: today and 89 days on). */
export const AvailabilityQuerySchema = z
  .object({ from: DateSchema.optional(), to: DateSchema.optional() })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be before from", path: ["to"] })
  .refine((q) => !q.from || !q.to || daysBetween(q.from, q.to) < 400, {
    message: "the window must be at most 400 days",
    path: ["to"],
  });
/** `GET /items/:id/availability` query. */
export type AvailabilityQuery = z.input<typeof AvailabilityQuerySchema>;

/**
 * The days of a window an item cannot be borrowed: approved and active loans and the owner's blocked
 * days, merged into ranges and clipped to the window. Never says by whom or why.
 */
export const AvailabilitySchema = z.object({
  from: DateSchema,
  to: DateSchema,
  taken: z.array(DateRangeSchema),
});
/** The days of a window an item cannot be borrowed. */
export type Availability = z.infer<typeof AvailabilitySchema>;

/** Where an extension request is. */
export const EXTENSION_STATUSES = ["pending", "approved", "declined", "cancelled"] as const;

/** A borrower's request to keep an approved or active loan longer. */
export const LoanExtensionSchema = z.object({
  id: IdSchema,
  loanId: IdSchema,
  /** The end date the loan had when this was asked. */
  previousEndDate: DateSchema,
  /** The end date asked for. */
  endDate: DateSchema,
  status: z.enum(EXTENSION_STATUSES),
  createdAt: TimestampSchema,
  decidedAt: TimestampSchema.nullable(),
});
/** A borrower's request to keep a loan longer. */
export type LoanExtension = z.infer<typeof LoanExtensionSchema>;

/** `POST /loans/:id/extension` body: the later end date asked for. */
export const RequestExtensionBodySchema = z.strictObject({ endDate: DateSchema });
/** `POST /loans/:id/extension` body. */
export type RequestExtensionBody = z.input<typeof RequestExtensionBodySchema>;

/** `GET` and `POST /calendar-token`: the private address of the caller's calendar feed. */
export const CalendarFeedSchema = z.object({ url: z.string(), createdAt: TimestampSchema });
/** The private address of a calendar feed. */
export type CalendarFeed = z.infer<typeof CalendarFeedSchema>;

/** `GET /calendar/:token.ics` parameter: the feed's secret (base64url). */
export const CalendarTokenParamsSchema = z.object({
  token: z
    .string()
    .min(16)
    .max(128)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a calendar token"),
});
