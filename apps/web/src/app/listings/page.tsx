import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { MyListings } from "@/features/items/my-listings";
import { PageHeading } from "@/features/layout/page-heading";
import { listItems } from "@/server/items";
import { getCategories } from "@/server/categories";
import { requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "My listings",
  description: "The things you lend on Sharehood: edit or remove them.",
  robots: { index: false },
};

export default async function ListingsPage() {
  const viewer = await requireViewer();
  const [categories, firstPage] = await Promise.all([
    getCategories(),
    listItems({ ownerId: viewer.id, limit: 24, sort: "newest" }).catch(() => undefined),
  ]);
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
      <MyListings ownerId={viewer.id} categories={categories} initialPage={firstPage} />
    </div>
  );
}
