"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import type { LoanReviews, LoanStatus } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { formatDate } from "@/features/items/dates";
import { useViewer } from "@/features/layout/viewer";
import { loanReviewsQuery } from "@/features/reviews/queries";
import { ReviewCard } from "@/features/reviews/review-card";
import { ReviewForm } from "@/features/reviews/review-form";

/** The other side of the loan, as the viewer sees it. */
export interface OtherSide {
  id: string;
  name: string;
}

/**
 * The loan page's reviews (`#review`), for its borrower and owner once it is returned: the form to
 * review the other side, then mine (hidden until both are written or the window closes), then
 * both. It appears by itself when the loan turns "returned" on this page.
 */
export function LoanReviewsSection({
  loan,
  other,
  initial,
}: {
  loan: { id: string; status: LoanStatus };
  other: OtherSide;
  initial: LoanReviews | null;
}) {
  const returned = loan.status === "returned";
  const options = loanReviewsQuery(loan.id, initial ?? undefined);
  const query = useQuery({ ...options, enabled: returned });
  const queryClient = useQueryClient();
  if (!returned) return null;
  const reviews = query.data;
  const writing = reviews && !reviews.mine && reviews.canReview;
  return (
    <section
      id="review"
      aria-labelledby="review-heading"
      className="flex scroll-mt-24 flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200"
    >
      <h2 id="review-heading" className="text-lg font-semibold">
        {writing ? `Review ${other.name}` : "Reviews"}
      </h2>
      {!reviews ? (
        query.isError ? (
          <Alert tone="error">{query.error.message}</Alert>
        ) : (
          <p className="text-sm text-stone-600">Loading the reviews…</p>
        )
      ) : writing ? (
        <ReviewForm
          loanId={loan.id}
          otherName={other.name}
          until={untilText(reviews)}
          onWritten={(now) => queryClient.setQueryData(options.queryKey, now)}
        />
      ) : (
        <WrittenReviews reviews={reviews} other={other} />
      )}
    </section>
  );
}

/** The window's last day for people ("Sat 18 Jul 2026"). */
function untilText(reviews: LoanReviews): string {
  return reviews.reviewableUntil ? formatDate(reviews.reviewableUntil.slice(0, 10)) : "the window closes";
}

function WrittenReviews({ reviews, other }: { reviews: LoanReviews; other: OtherSide }) {
  const viewer = useViewer();
  const { mine, theirs } = reviews;
  const hidden = mine && !mine.revealedAt;
  return (
    <div className="flex flex-col gap-5">
      {!mine && (
        <p className="text-stone-700">
          The time to review this loan ended on {untilText(reviews)}. You did not write a review.
        </p>
      )}
      {mine && (
        <div className="flex flex-col gap-3">
          <h3 className="font-semibold text-stone-800">Your review of {other.name}</h3>
          {hidden && (
            <Alert tone="info">
              Your review is hidden until {other.name} writes theirs or {untilText(reviews)}, whichever comes
              first.
            </Alert>
          )}
          <ReviewCard review={mine} subjectName={other.name} headingLevel="h4" />
        </div>
      )}
      {!hidden && (
        <div className="flex flex-col gap-3">
          <h3 className="font-semibold text-stone-800">{other.name}&apos;s review of you</h3>
          {theirs ? (
            <>
              <ReviewCard review={theirs} subjectName={viewer?.name ?? "you"} headingLevel="h4" />
              {viewer && !theirs.reply && (
                <p className="text-sm text-stone-700">
                  You can answer it once, in public, on{" "}
                  <Link href={`/people/${viewer.id}`} className="font-semibold text-brand-800 underline">
                    your profile
                  </Link>
                  .
                </p>
              )}
            </>
          ) : (
            <p className="text-stone-700">{other.name} did not write a review.</p>
          )}
        </div>
      )}
    </div>
  );
}
