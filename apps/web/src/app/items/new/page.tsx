import type { Metadata } from "next";
import { ItemForm } from "@/features/items/item-form";
import { PageHeading } from "@/features/layout/page-heading";
import { getCategories } from "@/server/categories";
import { requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "List an item",
  description: "Lend something you own to your neighbours on Sharehood.",
};

export default async function NewItemPage() {
  await requireViewer();
  const categories = await getCategories();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading
        title="List an item"
        intro="Tell neighbours what you can lend. You decide who borrows it and when."
      />
      <div className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8">
        <ItemForm categories={categories} />
      </div>
    </div>
  );
}
