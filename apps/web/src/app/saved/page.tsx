import type { Metadata } from "next";
import { Suspense } from "react";
import { SAVED_PAGE_SIZE } from "@/features/favourites/queries";
import { SavedItems } from "@/features/favourites/saved-items";
import { ListSkeleton } from "@/features/layout/page-skeleton";
import { PageHeading } from "@/features/layout/page-heading";
import { getCategories } from "@/server/categories";
import { pageWithSitePhotos } from "@/server/site-photos";
import { getUserClient, requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Saved",
  description: "The things you saved on Sharehood, to borrow later.",
  robots: { index: false },
};

export default async function SavedPage() {
  await requireViewer();
  // The heading goes out at once; the items stream in when the Inventory API answers.
  return (
    <div>
      <PageHeading title="Saved" intro="Things you saved with the heart, most recent first." />
      <Suspense fallback={<ListSkeleton />}>
        <Saved />
      </Suspense>
    </div>
  );
}

/** The categories and my first page of saved items, fetched together. */
async function Saved() {
  const session = await getUserClient();
  const [categories, firstPage] = await Promise.all([
    getCategories(),
    session?.client.favourites
      .list({ query: { limit: SAVED_PAGE_SIZE } })
      .then(pageWithSitePhotos)
      .catch(() => undefined),
  ]);
  return <SavedItems categories={categories} initialPage={firstPage} />;
}
