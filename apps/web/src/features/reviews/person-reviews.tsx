"use client";
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import type { Review, UserReviews } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { ShowMore } from "@/features/layout/show-more";
import { personReviewsQuery } from "@/features/reviews/queries";
import { ReplySlot } from "@/features/reviews/reply-form";
import { ReviewCard } from "@/features/reviews/review-card";

/**
 * The reviews someone received, newest first, "show more" below; under each one without a reply,
 * a reply form for that person alone (filled in by the browser: the profile is the same page for
 * everybody). A reply shows at once.
 */
export function PersonReviews({
  person,
  initialPage,
}: {
  person: { id: string; name: string };
  initialPage: UserReviews;
}) {
  const options = personReviewsQuery(person.id, initialPage);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  const reviews = query.data?.pages.flatMap((page) => page.items) ?? [];
  const replied = (answered: Review) =>
    queryClient.setQueryData<InfiniteData<UserReviews, string | null>>(
      options.queryKey,
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({
            ...page,
            items: page.items.map((review) => (review.id === answered.id ? answered : review)),
          })),
        },
    );

  if (reviews.length === 0) return <p className="text-stone-600">{person.name} has no reviews yet.</p>;
  return (
    <div className="flex flex-col gap-4">
      <ul aria-label={`Reviews of ${person.name}`} className="flex flex-col gap-4">
        {reviews.map((review) => (
          <li key={review.id}>
            <ReviewCard review={review} subjectName={person.name}>
              <ReplySlot review={review} onReplied={replied} />
            </ReviewCard>
          </li>
        ))}
      </ul>
      {query.isError && <Alert tone="error">{query.error.message}</Alert>}
      <ShowMore query={query}>Show more reviews</ShowMore>
    </div>
  );
}
