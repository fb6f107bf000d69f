import type { Metadata } from "next";
import { Alert } from "@sharehood/ui/alert";
import { OwnProfileLink } from "@/features/profiles/own-profile-link";
import { PersonItems } from "@/features/profiles/person-items";
import { ProfileSummary } from "@/features/profiles/profile-summary";
import { ReportPersonButton } from "@/features/reports/viewer-report-buttons";
import { PersonReviews } from "@/features/reviews/person-reviews";
import { REVIEWS_PAGE_SIZE } from "@/features/reviews/queries";
import { getCategories } from "@/server/categories";
import { listItems } from "@/server/items";
import { getPerson, personReviews } from "@/server/profiles";

type Props = { params: Promise<{ id: string }> };

/** How many of someone's items the page shows before "show more". */
const ITEMS_SHOWN = 8;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const person = await getPerson((await params).id);
  return {
    title: person.name,
    description: `${person.name} on Sharehood: the things they lend and what neighbours say about them.`,
    alternates: { canonical: `/people/${person.id}` },
  };
}

/**
 * Someone's public profile. Public data only, the same page for every visitor (the page cache
 * keeps it); the parts that are the viewer's own (a reply form under my reviews, "Edit your
 * profile") are filled in by the browser.
 */
export default async function PersonPage({ params }: Props) {
  const { id } = await params;
  const person = await getPerson(id);
  // The Inventory API's parts (reviews, items) may fail on their own: the profile still shows.
  const [categories, reviewPage, itemPage] = await Promise.all([
    getCategories(),
    personReviews(id, { limit: REVIEWS_PAGE_SIZE }).catch(() => null),
    listItems({ ownerId: id, limit: ITEMS_SHOWN, sort: "newest" }).catch(() => undefined),
  ]);
  const who = { id: person.id, name: person.name };
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <ProfileSummary person={person} summary={reviewPage?.summary ?? null} />
        <OwnProfileLink personId={person.id} />
        <ReportPersonButton person={who} />
      </div>
      <PersonItems person={who} categories={categories} initialPage={itemPage} />
      <section aria-labelledby="reviews-heading" className="flex flex-col gap-4">
        <h2 id="reviews-heading" className="text-xl font-semibold text-stone-900">
          Reviews
        </h2>
        {reviewPage ? (
          <PersonReviews person={who} initialPage={reviewPage} />
        ) : (
          <Alert tone="error">We couldn&apos;t load the reviews right now. Please try again shortly.</Alert>
        )}
      </section>
    </div>
  );
}
