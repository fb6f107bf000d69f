"use client";
import { useInfiniteQuery } from "@tanstack/react-query";
import type { Category, Item, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { myItemsQuery } from "@/features/items/queries";
import { ItemGrid } from "@/features/items/item-grid";
import { ItemGridCard } from "@/features/items/item-grid-card";
import { ShowMore } from "@/features/layout/show-more";

/** The things someone lends, as the item grid with "show more" (GET /items?ownerId=). */
export function PersonItems({
  person,
  categories,
  initialPage,
}: {
  person: { id: string; name: string };
  categories: readonly Category[];
  initialPage: Page<Item> | undefined;
}) {
  // The same list as "My listings" when it is mine: one query per owner.
  const query = useInfiniteQuery(myItemsQuery(person.id, initialPage));
  // On your own profile the pages come with your token, so items moderators hid would come too:
  // the profile is what everybody sees, so they stay out (My listings shows them, with why).
  const items = query.data?.pages.flatMap((page) => page.items).filter((item) => item.hidden === null) ?? [];
  const label = `Things ${person.name} lends`;
  if (items.length === 0) {
    return (
      <section aria-labelledby="person-items" className="flex flex-col gap-3">
        <h2 id="person-items" className="text-xl font-semibold text-stone-900">
          {label}
        </h2>
        {query.isError ? (
          <Alert tone="error">{query.error.message}</Alert>
        ) : (
          !query.isPending && <p className="text-stone-600">Nothing listed right now.</p>
        )}
      </section>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <div>
        <ItemGrid label={label} showHeading>
          {items.map((item) => (
            <li key={item.id} className="flex">
              <div className="flex w-full flex-col [&>article]:flex-1">
                <ItemGridCard item={item} categories={categories} />
              </div>
            </li>
          ))}
        </ItemGrid>
      </div>
      <ShowMore query={query}>Show more items</ShowMore>
    </div>
  );
}
