import type { Metadata } from "next";
import { AdminItems } from "@/features/admin/admin-items";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { requireAdmin } from "@/features/admin/require-admin";
import { PageHeading } from "@/features/layout/page-heading";
import { listItems } from "@/server/items";
import { getCategories } from "@/server/categories";

export const metadata: Metadata = {
  title: "Admin · Items",
  description: "Remove listings that break Sharehood's rules.",
  robots: { index: false },
};

export default async function AdminItemsPage() {
  await requireAdmin();
  const [categories, firstPage] = await Promise.all([
    getCategories(),
    listItems({ limit: 24 }).catch(() => undefined),
  ]);
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin/items" />
      <AdminItems categories={categories} initialPage={firstPage} />
    </div>
  );
}
