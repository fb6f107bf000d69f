import { writeEvents } from "@sharehood/server-kit";
import { Prisma, type Db } from "../../db.ts";
import { newId } from "../../new-id.ts";
import { reviewRevealedEvent, type RevealedLoan } from "./review-event.ts";
import { SELECT_REVIEW, type ReviewableLoan, type ReviewRow } from "./review-row.ts";

const { sql } = Prisma;

/** What a person's record shows (see ReviewSummarySchema). */
export interface SummaryRow {
  average: number | null;
  count: number;
  completedAsLender: number;
  completedAsBorrower: number;
}

export interface NewReview {
  loan: ReviewableLoan;
  authorId: string;
  subjectId: string;
  authorRole: "borrower" | "owner";
  rating: number;
  body: string | null;
  /** The window's end: when a review the other side does not answer becomes public. */
  revealAt: Date;
}

export function createReviewsRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  // A reveal writes its event in its own transaction (the outbox); the relay is nudged after commit.
  const nudge = () => options.onEventsWritten?.();

  return {
    async loanFor(loanId: string, userId: string): Promise<ReviewableLoan | null> {
      const rows = await db.$queryRaw<ReviewableLoan[]>`
        SELECT l.id, l.item_id AS "itemId", i.title AS "itemTitle", l.owner_id AS "ownerId",
               l.borrower_id AS "borrowerId", l.status::text AS status, l.returned_at AS "returnedAt",
               EXISTS (SELECT 1 FROM reviews r WHERE r.loan_id = l.id AND r.author_id = ${userId}) AS "hasReviewed"
        FROM loans l JOIN items i ON i.id = l.item_id WHERE l.id = ${loanId}`;
      return rows[0] ?? null;
    },

    async findById(id: string): Promise<ReviewRow | null> {
      const rows = await db.$queryRaw<ReviewRow[]>`${SELECT_REVIEW} WHERE r.id = ${id}`;
      return rows[0] ?? null;
    },

    /** Both reviews of a loan (at most two, by the unique index), hidden or not: the caller picks. */
    ofLoan: (loanId: string): Promise<ReviewRow[]> =>
      db.$queryRaw`${SELECT_REVIEW} WHERE r.loan_id = ${loanId}`,

    /**
     * A person's revealed reviews, newest revealed first, keyset-paged on (reveal_at, id): a range
     * of the (subject_id, reveal_at DESC, id DESC) index, so a page costs the same however deep.
     */
    ofSubject: (subjectId: string, page: { after?: [string, string]; limit: number }): Promise<ReviewRow[]> =>
      db.$queryRaw`${SELECT_REVIEW}
        WHERE r.subject_id = ${subjectId} AND r.reveal_at <= now()
          ${page.after ? sql`AND (r.reveal_at, r.id) < (${page.after[0]}::timestamptz, ${page.after[1]})` : sql``}
        ORDER BY r.reveal_at DESC, r.id DESC LIMIT ${page.limit}`,

    /**
     * A person's rating over their revealed reviews (the same index range as the list) and the
     * returned loans on each side (the loans' owner and borrower indexes), in one round trip.
     */
    async summaryOf(userId: string): Promise<SummaryRow> {
      const rows = await db.$queryRaw<SummaryRow[]>`
        SELECT rv.average, rv.count,
               (SELECT count(*)::int FROM loans WHERE owner_id = ${userId} AND status = 'returned') AS "completedAsLender",
               (SELECT count(*)::int FROM loans WHERE borrower_id = ${userId} AND status = 'returned') AS "completedAsBorrower"
        FROM (SELECT round(avg(rating), 1)::float8 AS average, count(*)::int AS count
              FROM reviews WHERE subject_id = ${userId} AND reveal_at <= now()) rv`;
      return rows[0] ?? { average: null, count: 0, completedAsLender: 0, completedAsBorrower: 0 };
    },

    /**
     * Stores a review hidden until the window's end; null when the author already reviewed the loan
     * (the unique index decides, even for two requests at once). The loan's row lock makes the two
     * sides' writes take turns, so the second always sees the first: it then reveals both at once
     * (a revealed review is never touched again) and writes `review.revealed`, in this transaction.
     */
    async create(review: NewReview): Promise<string | null> {
      const { loan } = review;
      const outcome = await db.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM loans WHERE id = ${loan.id} FOR NO KEY UPDATE`;
        const inserted = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO reviews (id, loan_id, author_id, subject_id, author_role, rating, body, reveal_at)
          VALUES (${newId()}, ${loan.id}, ${review.authorId}, ${review.subjectId},
                  ${review.authorRole}::"ReviewRole", ${review.rating}, ${review.body}, ${review.revealAt})
          ON CONFLICT (loan_id, author_id) DO NOTHING RETURNING id`;
        const id = inserted[0]?.id;
        if (!id) return null;
        const revealed = await tx.$queryRaw<RevealedLoan["reviews"]>`
          WITH both_sides AS (SELECT count(*) AS n FROM reviews WHERE loan_id = ${loan.id})
          UPDATE reviews SET reveal_at = now(), reveal_announced_at = now()
          WHERE loan_id = ${loan.id} AND reveal_at > now() AND (SELECT n FROM both_sides) = 2
          RETURNING id, author_id AS "authorId", subject_id AS "subjectId"`;
        if (revealed.length === 0) return { id, revealed: false };
        await writeEvents(tx, "inventory-api", [
          reviewRevealedEvent(
            { ...loan, loanId: loan.id, reviews: revealed.sort((a, b) => a.id.localeCompare(b.id)) },
            review.authorId,
          ),
        ]);
        return { id, revealed: true };
      });
      if (outcome?.revealed) nudge();
      return outcome?.id ?? null;
    },

    /** Adds the reviewed person's one reply to a revealed review; false when there already is one. */
    async reply(id: string, subjectId: string, body: string): Promise<boolean> {
      const count = await db.$executeRaw`
        UPDATE reviews SET reply_body = ${body}, reply_at = now()
        WHERE id = ${id} AND subject_id = ${subjectId} AND reveal_at <= now() AND reply_body IS NULL`;
      return count === 1;
    },

    /**
     * Announces reviews the window's end revealed: marks those not announced yet (the partial
     * reviews_unannounced_idx holds just them) and writes one `review.revealed` per loan, in one
     * transaction. The UPDATE decides: a second replica running at once waits for the first's row
     * locks, then finds them marked and skips them, so each reveal is announced once. Answers how
     * many loans were announced.
     */
    async announceReveals(): Promise<number> {
      const count = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<(RevealedLoan["reviews"][number] & Omit<RevealedLoan, "reviews">)[]>`
          WITH picked AS (
            UPDATE reviews SET reveal_announced_at = now()
            WHERE reveal_announced_at IS NULL AND reveal_at <= now()
            RETURNING id, loan_id, author_id, subject_id)
          SELECT p.id, p.author_id AS "authorId", p.subject_id AS "subjectId", p.loan_id AS "loanId",
                 l.item_id AS "itemId", i.title AS "itemTitle", l.owner_id AS "ownerId", l.borrower_id AS "borrowerId"
          FROM picked p JOIN loans l ON l.id = p.loan_id JOIN items i ON i.id = l.item_id
          ORDER BY p.loan_id, p.id`;
        const byLoan = new Map<string, RevealedLoan>();
        for (const { id, authorId, subjectId, ...loan } of rows) {
          const entry = byLoan.get(loan.loanId) ?? { ...loan, reviews: [] };
          entry.reviews.push({ id, authorId, subjectId });
          byLoan.set(loan.loanId, entry);
        }
        await writeEvents(
          tx,
          "inventory-api",
          [...byLoan.values()].map((loan) => reviewRevealedEvent(loan, null)),
        );
        return byLoan.size;
      });
      if (count > 0) nudge();
      return count;
    },
  };
}

export type ReviewsRepository = ReturnType<typeof createReviewsRepository>;
