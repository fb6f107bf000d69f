import type { Review } from "@sharehood/sdk";
import type { ReviewRow } from "./review-row.ts";

/** A review on the wire; `revealedAt` stays null while it is hidden (only its author gets it then). */
export function toReviewDto(row: ReviewRow): Review {
  return {
    id: row.id,
    loanId: row.loanId,
    item: { id: row.itemId, title: row.itemTitle },
    author: { id: row.authorId, name: row.authorName, avatarUrl: row.authorAvatarUrl },
    subjectId: row.subjectId,
    authorRole: row.authorRole,
    rating: row.rating,
    body: row.body,
    reply:
      row.replyBody !== null && row.replyAt !== null
        ? { body: row.replyBody, createdAt: row.replyAt.toISOString() }
        : null,
    createdAt: row.createdAt.toISOString(),
    revealedAt: row.revealed ? row.revealAt.toISOString() : null,
  };
}
