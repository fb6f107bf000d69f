import { z } from "zod";
import { REVIEW_WINDOW_DAYS, type LoanReviews, type Review, type UserReviews } from "@sharehood/sdk";
import type { CreateReviewBodySchema } from "@sharehood/sdk/contract";
import { decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import { can, type Caller } from "../auth/caller.ts";
import { toReviewDto } from "./review-dto.ts";
import { reviewRefused } from "./review-refusal.ts";
import type { ReviewableLoan } from "./review-row.ts";
import type { ReviewsRepository } from "./reviews.repository.ts";

const WINDOW_MS = REVIEW_WINDOW_DAYS * 86_400_000;
const ReviewCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);

/** The end of a returned loan's review window; null before the return. */
const windowEnd = (loan: ReviewableLoan): Date | null =>
  loan.status === "returned" && loan.returnedAt ? new Date(loan.returnedAt.getTime() + WINDOW_MS) : null;

/**
 * Reviews after a loan, double-blind: each side of a returned loan may review the other once
 * within the window; a review is its author's alone until both are written or the window ends, then
 * public and fixed, and the person reviewed may answer it once.
 */
export function createReviewsService(deps: { reviews: ReviewsRepository }) {
  const { reviews } = deps;

  /** The loan and the caller's side of it; 404 for an unknown loan, 403 for anyone outside it. */
  async function sideOf(caller: Caller, loanId: string, action: string) {
    const loan = await reviews.loanFor(loanId, caller.user.id);
    if (!loan) throw notFound("The loan");
    const role =
      loan.borrowerId === caller.user.id ? "borrower" : loan.ownerId === caller.user.id ? "owner" : null;
    if (!role || !can(caller, "loan.manage.own"))
      throw forbidden(`Only the loan's borrower and owner can ${action}`);
    return { loan, role, subjectId: role === "borrower" ? loan.ownerId : loan.borrowerId } as const;
  }

  async function mustFind(id: string): Promise<Review> {
    const row = await reviews.findById(id);
    if (!row) throw new Error(`review ${id} vanished after it was written`);
    return toReviewDto(row);
  }

  return {
    async write(
      caller: Caller,
      loanId: string,
      body: z.output<typeof CreateReviewBodySchema>,
    ): Promise<Review> {
      const { loan, role, subjectId } = await sideOf(caller, loanId, "review each other");
      const until = windowEnd(loan);
      if (!until) throw reviewRefused("not_returned", "A loan can be reviewed once it is returned");
      if (loan.hasReviewed) throw reviewRefused("already_reviewed", "You already reviewed this loan");
      if (Date.now() >= until.getTime())
        throw reviewRefused(
          "window_closed",
          `Reviews can be written within ${REVIEW_WINDOW_DAYS} days of the return`,
        );
      const id = await reviews.create({
        loan,
        authorId: caller.user.id,
        subjectId,
        authorRole: role,
        rating: body.rating,
        body: body.body ?? null,
        revealAt: until,
      });
      if (!id) throw reviewRefused("already_reviewed", "You already reviewed this loan");
      return mustFind(id);
    },

    async forLoan(caller: Caller, loanId: string): Promise<LoanReviews> {
      const { loan } = await sideOf(caller, loanId, "see its reviews");
      const rows = await reviews.ofLoan(loanId);
      const mine = rows.find((row) => row.authorId === caller.user.id);
      // The other side's review only once revealed: until then nobody but its author sees it.
      const theirs = rows.find((row) => row.authorId !== caller.user.id && row.revealed);
      const until = windowEnd(loan);
      return {
        mine: mine ? toReviewDto(mine) : null,
        theirs: theirs ? toReviewDto(theirs) : null,
        canReview: !mine && until !== null && Date.now() < until.getTime(),
        reviewableUntil: until?.toISOString() ?? null,
      };
    },

    async ofUser(userId: string, query: { cursor?: string; limit: number }): Promise<UserReviews> {
      const [rows, summary] = await Promise.all([
        reviews.ofSubject(userId, {
          after: query.cursor ? decodeCursor(query.cursor, ReviewCursorSchema) : undefined,
          limit: query.limit + 1,
        }),
        reviews.summaryOf(userId),
      ]);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toReviewDto),
        nextCursor:
          rows.length > query.limit && last ? encodeCursor([last.revealAt.toISOString(), last.id]) : null,
        summary,
      };
    },

    /** The reviewed person's one public answer; a review nobody else may see yet is not found. */
    async reply(caller: Caller, id: string, body: string): Promise<Review> {
      const row = await reviews.findById(id);
      if (!row?.revealed) throw notFound("The review");
      if (row.subjectId !== caller.user.id) throw forbidden("Only the person reviewed can reply");
      if (row.replyBody !== null || !(await reviews.reply(id, caller.user.id, body)))
        throw reviewRefused("already_replied", "You already replied to this review");
      return mustFind(id);
    },
  };
}

export type ReviewsService = ReturnType<typeof createReviewsService>;
