import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { buttonStyles } from "@sharehood/ui/button";
import { MyListings } from "@/features/items/my-listings";
import { ListSkeleton } from "@/features/layout/page-skeleton";
import { PageHeading } from "@/features/layout/page-heading";
import { listOwnItems } from "@/server/items";
import { getCategories } from "@/server/categories";
import { getUserClient, requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "My listings",
  description: "The things you lend on Sharehood: edit or remove them.",
  robots: { index: false },
};

export default async function ListingsPage() {
  const viewer = await requireViewer();
  // The heading goes out at once; the items stream in when the Inventory API answers.
  return (
    <div>
      <PageHeading
        title="My listings"
        intro="What you lend to neighbours. Requests to borrow them are in Borrowing."
        actions={
          <Link href="/items/new" className={buttonStyles("primary")}>
            List an item
          </Link>
        }
      />
      <Suspense fallback={<ListSkeleton />}>
        <Listings ownerId={viewer.id} />
      </Suspense>
    </div>
  );
}

/** The categories and my first page of items, fetched together. */
async function Listings({ ownerId }: { ownerId: string }) {
  const [categories, firstPage] = await Promise.all([
    getCategories(),
    getUserClient().then((session) =>
      session
        ? listOwnItems(session.client, ownerId, { limit: 24, sort: "newest" }).catch(() => undefined)
        : undefined,
    ),
  ]);
  return <MyListings ownerId={ownerId} categories={categories} initialPage={firstPage} />;
}
