import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { Alert } from "@sharehood/ui/alert";
import { ItemForm } from "@/features/items/item-form";
import { PageHeading } from "@/features/layout/page-heading";
import { getCategories } from "@/server/categories";
import { getItem } from "@/server/items";
import { can, requireViewer } from "@/server/session";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
};

export const metadata: Metadata = {
  title: "Edit listing",
  description: "Change the details of an item you lend on Sharehood.",
  robots: { index: false },
};

export default async function EditItemPage({ params, searchParams }: Props) {
  const [{ id }, flags] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer();
  const [item, categories] = await Promise.all([getItem(id), getCategories()]);
  // 403 with app/forbidden.tsx, which names the item and its owner.
  if (item.owner.id !== viewer.id && !can(viewer, "item.update.any")) forbidden();
  return (
    <div className="mx-auto max-w-2xl">
      <PageHeading title="Edit listing" intro={item.title} />
      {flags.photos === "incomplete" && (
        <Alert tone="warning" title="Your item is listed, but some photos were not added" className="mb-6">
          You can try adding them again below.
        </Alert>
      )}
      <div className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8">
        <ItemForm categories={categories} item={item} />
      </div>
    </div>
  );
}
