"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { Category, Item, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { savedItemsQuery } from "@/features/favourites/queries";
import { ItemGrid } from "@/features/items/item-grid";
import { ItemGridCard } from "@/features/items/item-grid-card";
import { ShowMore } from "@/features/layout/show-more";

/**
 * My saved items as the item grid, "show more" below. Taking the heart off a card keeps the card
 * here (a slip is undone with one more press); it is gone the next time the page is opened.
 */
export function SavedItems({
  categories,
  initialPage,
}: {
  categories: readonly Category[];
  initialPage: Page<Item> | undefined;
}) {
  const query = useInfiniteQuery(savedItemsQuery(initialPage));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  if (query.isError && items.length === 0) {
    return (
      <Alert tone="error" title="We couldn't load your saved items">
        {query.error.message}
      </Alert>
    );
  }
  if (items.length === 0) {
    return query.isPending ? null : (
      <EmptyState
        title="Nothing saved yet"
        action={
          <Link href="/" className={buttonStyles("primary")}>
            Browse items
          </Link>
        }
      >
        Press the heart on anything you might like to borrow, and it waits for you here.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <ItemGrid label="Saved items">
        {items.map((item, index) => (
          <li key={item.id} className="flex">
            <div className="flex w-full flex-col [&>article]:flex-1">
              <ItemGridCard item={item} categories={categories} priority={index < 4} />
            </div>
          </li>
        ))}
      </ItemGrid>
      <ShowMore query={query}>Show more</ShowMore>
    </div>
  );
}
