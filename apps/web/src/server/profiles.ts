import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError, type LoanReviews, type PublicUser, type Review, type UserReviews } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { siteAvatarPath, withSiteAvatar } from "@/server/site-avatars";

// Public reads for people's profiles, with no token: the profile page is the same for everybody
// (and kept by the page cache). Avatar URLs leave here as paths on this site (site-avatars.ts).

/** Someone's public profile, once per request; null when there is no such person. */
export const findPerson = cache(async (id: string): Promise<PublicUser | null> => {
  try {
    return withSiteAvatar(await apiClient().users.get({ params: { id } }));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
});

/** Someone's public profile (the page and its metadata share it). None → the 404 page. */
export async function getPerson(id: string): Promise<PublicUser> {
  return (await findPerson(id)) ?? notFound();
}

/** A review with its author's avatar on this site. */
export function withSiteAuthor(review: Review): Review {
  return { ...review, author: { ...review.author, avatarUrl: siteAvatarPath(review.author.avatarUrl) } };
}

/** A page of the revealed reviews of someone, newest first, with their rating and completed loans. */
export async function personReviews(
  id: string,
  query: { limit: number; cursor?: string },
): Promise<UserReviews> {
  const page = await apiClient().users.reviews({ params: { id }, query });
  return { ...page, items: page.items.map(withSiteAuthor) };
}

/** A loan's reviews (as its borrower or owner sees them) with the authors' avatars on this site. */
export function loanReviewsForSite(reviews: LoanReviews): LoanReviews {
  return {
    ...reviews,
    mine: reviews.mine && withSiteAuthor(reviews.mine),
    theirs: reviews.theirs && withSiteAuthor(reviews.theirs),
  };
}
