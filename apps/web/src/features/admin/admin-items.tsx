"use client";
import { keepPreviousData, useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { formText } from "@/features/layout/form-text";
import type { Category, Item, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { CategoryIllustration } from "@sharehood/ui/category-illustration";
import { DeleteItemButton } from "@/features/items/delete-item-button";
import { itemsQuery } from "@/features/items/queries";
import { NO_FILTERS } from "@/features/items/item-filters";
import { ShowMore } from "@/features/layout/show-more";

/** Every item, searchable, each with "remove" (the Inventory API checks `item.delete.any`). */
export function AdminItems({
  categories,
  initialPage,
}: {
  categories: readonly Category[];
  initialPage: Page<Item> | undefined;
}) {
  const [q, setQ] = useState("");
  const filters = { ...NO_FILTERS, q };
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({
    ...itemsQuery(filters, q === "" ? initialPage : undefined),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  function search(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQ(formText(new FormData(event.currentTarget), "q").trim());
  }

  return (
    <div className="flex flex-col gap-4">
      <form role="search" onSubmit={search} className="flex gap-2">
        <label htmlFor="item-search" className="sr-only">
          Search items
        </label>
        <input
          id="item-search"
          name="q"
          type="search"
          placeholder="Search items"
          className="h-11 w-full max-w-sm rounded-full border border-stone-300 bg-white px-4"
        />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {query.isError && <Alert tone="error">{query.error.message}</Alert>}
      <ul
        aria-label="All items"
        className="divide-y divide-stone-100 rounded-3xl bg-white shadow-sm ring-1 ring-stone-200"
      >
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-center gap-4 px-4 py-3 sm:px-6">
            <div className="size-14 shrink-0 overflow-hidden rounded-xl">
              <CategoryIllustration categoryId={item.categoryId} />
            </div>
            <div className="min-w-0 flex-1">
              <Link href={`/items/${item.id}`} className="font-semibold text-stone-900 hover:underline">
                {item.title}
              </Link>
              <p className="text-sm text-stone-600">
                {categories.find((c) => c.id === item.categoryId)?.name ?? item.categoryId} · by{" "}
                {item.owner.name}
              </p>
            </div>
            <DeleteItemButton
              itemId={item.id}
              itemTitle={item.title}
              label="Remove"
              askReason
              onDeleted={() => void queryClient.invalidateQueries({ queryKey: ["items"] })}
            />
          </li>
        ))}
        {items.length === 0 && !query.isFetching && (
          <li className="px-6 py-6 text-center text-stone-600">No items.</li>
        )}
      </ul>
      <ShowMore query={query}>Show more items</ShowMore>
    </div>
  );
}
