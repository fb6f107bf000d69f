import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema, pageOf } from "./common.ts";
import { MessageSchema } from "./conversations.ts";
import { ItemSchema } from "./inventory.ts";
import { FIELD_LIMITS, RATING_MAX, RATING_MIN } from "./limits.ts";

/**
 * Trust between neighbours (Inventory API): reviews after a loan, saved items, and reports that
 * admins moderate.
 */

// ---------------------------------------------------------------------------------------------
// Reviews

/** How long after a loan's return its borrower and owner may review each other, in days. */
export const REVIEW_WINDOW_DAYS = 14;

/**
 * Which rule refused a review (`reason` of the 409 problem): the loan was not returned, the caller
 * already reviewed it, or the window closed. Someone outside the loan gets 403; a review that is
 * not revealed yet, or a reply to one, 404 / 409 as the routes say.
 */
export const REVIEW_REFUSALS = [
  "not_returned",
  "already_reviewed",
  "window_closed",
  "already_replied",
] as const;

/** `POST /loans/:id/reviews` body. */
export const CreateReviewBodySchema = z.strictObject({
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  body: z
    .string()
    .trim()
    .max(FIELD_LIMITS.reviewBody)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .optional(),
});
/** `POST /loans/:id/reviews` body. */
export type CreateReviewBody = z.input<typeof CreateReviewBodySchema>;

/** `POST /reviews/:id/reply` body. */
export const ReviewReplyBodySchema = z.strictObject({
  body: z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.reviewReply),
});
/** `POST /reviews/:id/reply` body. */
export type ReviewReplyBody = z.input<typeof ReviewReplyBodySchema>;

/** A person as reviews show them (links to their profile). */
export const ReviewPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  avatarUrl: z.string().nullable(),
});

/**
 * One review: what the author thought of the other side of a loan. Double-blind: nobody but its
 * author sees it until it is revealed (both wrote theirs, or the window closed); then it is fixed.
 */
export const ReviewSchema = z.object({
  id: IdSchema,
  loanId: IdSchema,
  item: z.object({ id: IdSchema, title: z.string() }),
  author: ReviewPersonSchema,
  /** The person reviewed. */
  subjectId: IdSchema,
  /** The author's side of the loan: reviewing the owner as `borrower`, the borrower as `owner`. */
  authorRole: z.enum(["borrower", "owner"]),
  rating: z.number().int().min(RATING_MIN).max(RATING_MAX),
  body: z.string().nullable(),
  /** The reviewed person's one public answer. */
  reply: z.object({ body: z.string(), createdAt: TimestampSchema }).nullable(),
  createdAt: TimestampSchema,
  /** When it became public; null while it is hidden (only its author sees it then). */
  revealedAt: TimestampSchema.nullable(),
});
/** One review. */
export type Review = z.infer<typeof ReviewSchema>;

/**
 * `GET /loans/:id/reviews` answer, for the loan's borrower and owner: the caller's own review (null
 * before they wrote it), the other side's (null until revealed), and whether the caller may still
 * write one (`canReview`) until when.
 */
export const LoanReviewsSchema = z.object({
  mine: ReviewSchema.nullable(),
  theirs: ReviewSchema.nullable(),
  canReview: z.boolean(),
  /** The window's end; null before the loan is returned. */
  reviewableUntil: TimestampSchema.nullable(),
});
/** The reviews of one loan as its borrower or owner sees them. */
export type LoanReviews = z.infer<typeof LoanReviewsSchema>;

/** What a person's record shows: their rating, and the loans they completed on each side. */
export const ReviewSummarySchema = z.object({
  /** Mean of revealed ratings, to one decimal; null with none. */
  average: z.number().nullable(),
  count: z.number().int().nonnegative(),
  /** Returned loans of their items. */
  completedAsLender: z.number().int().nonnegative(),
  /** Returned loans they borrowed. */
  completedAsBorrower: z.number().int().nonnegative(),
});
/** A person's rating and completed loans. */
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

/** `GET /users/:id/reviews` query. */
export const ListReviewsQuerySchema = PageQuerySchema;

/** `GET /users/:id/reviews` answer: revealed reviews of the person, newest first, and their summary. */
export const UserReviewsSchema = pageOf(ReviewSchema).extend({ summary: ReviewSummarySchema });
/** A person's revealed reviews and summary. */
export type UserReviews = z.infer<typeof UserReviewsSchema>;

// ---------------------------------------------------------------------------------------------
// Saved items

/** The most items one person can save; saving one more is refused (409). */
export const MAX_SAVED_ITEMS = 500;

/** `GET /favourites` query: your saved items, most recently saved first. */
export const ListFavouritesQuerySchema = PageQuerySchema;

/** `GET /favourites/ids` answer: the ids of every item you saved, to mark hearts on any page. */
export const FavouriteIdsSchema = z.object({ ids: z.array(IdSchema) });

// ---------------------------------------------------------------------------------------------
// Reports and moderation

/** What can be reported. */
export const REPORT_SUBJECT_TYPES = ["item", "user", "message"] as const;
/** Why something is reported. */
export const REPORT_REASONS = ["spam", "prohibited_item", "unsafe", "harassment", "other"] as const;
/** What an admin did with a report. */
export const REPORT_ACTIONS = ["dismiss", "hide_item", "suspend_user"] as const;
/** Where a report is. */
export const REPORT_STATUSES = ["open", "resolved"] as const;

/**
 * `POST /reports` body. A message can be reported by the other participant of its thread only; an
 * item or a person by anyone signed in. One open report per reporter and subject (409).
 */
export const CreateReportBodySchema = z.strictObject({
  subjectType: z.enum(REPORT_SUBJECT_TYPES),
  subjectId: IdSchema,
  reason: z.enum(REPORT_REASONS),
  details: z
    .string()
    .trim()
    .max(FIELD_LIMITS.reportDetails)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .optional(),
});
/** `POST /reports` body. */
export type CreateReportBody = z.input<typeof CreateReportBodySchema>;

/** A report as its reporter and admins see it. */
export const ReportSchema = z.object({
  id: IdSchema,
  subjectType: z.enum(REPORT_SUBJECT_TYPES),
  subjectId: IdSchema,
  /** The person behind the subject: the item's owner, the message's author, or the person reported. */
  subjectUserId: IdSchema.nullable(),
  reason: z.enum(REPORT_REASONS),
  details: z.string().nullable(),
  reporter: z.object({ id: IdSchema, name: z.string() }),
  status: z.enum(REPORT_STATUSES),
  createdAt: TimestampSchema,
  /** Set once an admin handled it. */
  resolution: z
    .object({
      action: z.enum(REPORT_ACTIONS),
      note: z.string(),
      by: z.object({ id: IdSchema, name: z.string() }),
      at: TimestampSchema,
    })
    .nullable(),
});
/** A report. */
export type Report = z.infer<typeof ReportSchema>;

/**
 * A report with what an admin needs to judge it: the item (hidden ones too), the reported message
 * with the messages around it in its thread, and earlier reports on the same subject.
 */
export const ReportDetailSchema = ReportSchema.extend({
  context: z.object({
    /** The item reported, or the item of the reported message's thread; null when gone. */
    item: ItemSchema.nullable(),
    /** The reported message; null for other subjects or when gone. */
    message: MessageSchema.nullable(),
    /** Up to 10 messages before and after it in its thread, oldest first. */
    thread: z.array(MessageSchema),
    /** Other reports on the same subject, newest first (at most 20). */
    earlierReports: z.array(ReportSchema),
  }),
});
/** A report with its context. */
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

/** `GET /reports` query: the moderation queue, oldest open report first (newest first for `resolved`). */
export const ListReportsQuerySchema = PageQuerySchema.extend({
  status: z.enum(REPORT_STATUSES).default("open"),
  subjectType: z.enum(REPORT_SUBJECT_TYPES).optional(),
});
/** `GET /reports` query. */
export type ListReportsQuery = z.input<typeof ListReportsQuerySchema>;

/**
 * `POST /reports/:id/resolve` body. The action applies to the report's subject and resolves every
 * open report on it (each reporter is told): `hide_item` needs an item report; `suspend_user`
 * suspends the person behind the subject (the owner of a reported item, the author of a reported
 * message). The note is the reason kept in the audit log, and told to an item's owner when it is
 * hidden.
 */
export const ResolveReportBodySchema = z.strictObject({
  action: z.enum(REPORT_ACTIONS),
  note: z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.moderationNote),
});
/** `POST /reports/:id/resolve` body. */
export type ResolveReportBody = z.input<typeof ResolveReportBodySchema>;

/** A page of saved items is a page of items. */
export const FavouritesPageSchema = pageOf(ItemSchema);
