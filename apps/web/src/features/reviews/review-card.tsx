import Link from "next/link";
import type { ReactNode } from "react";
import type { Review } from "@sharehood/sdk/contract";
import { Avatar } from "@sharehood/ui/avatar";
import { formatDate } from "@/features/items/dates";
import { Stars } from "@/features/reviews/stars";

/**
 * One review: its author (a link to their profile), the stars, when, the loan's item, the text and
 * the reviewed person's reply. `headingLevel` keeps the page's outline (h3 under a section's h2).
 * `children` go at the end (the reply form, for the person reviewed).
 */
export function ReviewCard({
  review,
  subjectName,
  headingLevel = "h3",
  children,
}: {
  review: Review;
  /** The person reviewed, who may have replied. */
  subjectName: string;
  headingLevel?: "h3" | "h4";
  children?: ReactNode;
}) {
  const Heading = headingLevel;
  const { author } = review;
  return (
    <article className="flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-stone-200">
      <div className="flex items-start gap-3">
        <Avatar name={author.name} seed={author.id} src={author.avatarUrl} />
        <div className="min-w-0 flex-1">
          <Heading className="font-semibold text-stone-900">
            <Link href={`/people/${author.id}`} className="hover:underline">
              {author.name}
            </Link>
          </Heading>
          <p className="text-sm text-stone-600">
            {review.authorRole === "borrower" ? "Borrowed " : "Lent "}
            <Link href={`/items/${review.item.id}`} className="underline">
              {review.item.title}
            </Link>
          </p>
        </div>
      </div>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-600">
        <Stars rating={review.rating} />
        <time dateTime={review.createdAt}>{formatDate(review.createdAt.slice(0, 10))}</time>
      </p>
      {review.body && <p className="whitespace-pre-line text-stone-800">{review.body}</p>}
      {review.reply && (
        <div className="rounded-xl border-l-4 border-brand-300 bg-stone-50 px-4 py-3 text-sm">
          <p className="font-semibold text-stone-800">Reply from {subjectName}</p>
          <p className="mt-1 whitespace-pre-line text-stone-700">{review.reply.body}</p>
        </div>
      )}
      {children}
    </article>
  );
}
