import { Prisma } from "../../db.ts";

const { sql } = Prisma;

/** A review as the repository returns it, with its loan's item and its author's public name. */
export interface ReviewRow {
  id: string;
  loanId: string;
  itemId: string;
  itemTitle: string;
  authorId: string;
  authorName: string;
  authorAvatarUrl: string | null;
  subjectId: string;
  authorRole: "borrower" | "owner";
  rating: number;
  body: string | null;
  replyBody: string | null;
  replyAt: Date | null;
  createdAt: Date;
  revealAt: Date;
  /** Whether `revealAt` has come, by the database's clock (the one the sweep and the reveal use). */
  revealed: boolean;
}

/** A loan as the review rules need it, with whether `userId` already reviewed it. */
export interface ReviewableLoan {
  id: string;
  itemId: string;
  itemTitle: string;
  ownerId: string;
  borrowerId: string;
  status: string;
  returnedAt: Date | null;
  hasReviewed: boolean;
}

// Names and avatars come from the owners table (learnt from tokens); a deleted account's row holds
// the former-member name and its avatar is no longer shown.
export const SELECT_REVIEW = sql`
  SELECT r.id, r.loan_id AS "loanId", l.item_id AS "itemId", i.title AS "itemTitle",
         r.author_id AS "authorId", coalesce(o.name, 'A neighbour') AS "authorName",
         CASE WHEN o.deleted_at IS NULL THEN o.avatar_url END AS "authorAvatarUrl",
         r.subject_id AS "subjectId", r.author_role::text AS "authorRole", r.rating, r.body,
         r.reply_body AS "replyBody", r.reply_at AS "replyAt", r.created_at AS "createdAt",
         r.reveal_at AS "revealAt", r.reveal_at <= now() AS revealed
  FROM reviews r JOIN loans l ON l.id = r.loan_id JOIN items i ON i.id = l.item_id
  LEFT JOIN owners o ON o.id = r.author_id`;
