"use client";
import { useInfiniteQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import Link from "next/link";
import type { Category, Item, Page } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button, buttonStyles } from "@sharehood/ui/button";
import { EmptyState } from "@sharehood/ui/empty-state";
import { DeleteItemButton } from "@/features/items/delete-item-button";
import { ItemGrid } from "@/features/items/item-grid";
import { ItemGridCard } from "@/features/items/item-grid-card";
import { myItemsQuery } from "@/features/items/queries";

/** My items with edit and delete on each card; a delete takes the card out without a reload. */
export function MyListings({
  ownerId,
  categories,
  initialPage,
}: {
  ownerId: string;
  categories: readonly Category[];
  initialPage: Page<Item> | undefined;
}) {
  const options = myItemsQuery(ownerId, initialPage);
  const query = useInfiniteQuery(options);
  const queryClient = useQueryClient();
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  function dropItem(id: string) {
    queryClient.setQueryData<InfiniteData<Page<Item>, string | null>>(
      options.queryKey,
      (data) =>
        data && {
          ...data,
          pages: data.pages.map((page) => ({ ...page, items: page.items.filter((item) => item.id !== id) })),
        },
    );
    // Browse results that showed the item are out of date now.
    void queryClient.invalidateQueries({ queryKey: ["items"], refetchType: "none" });
  }

  if (query.isError && items.length === 0) {
    return (
      <Alert tone="error" title="We couldn't load your listings">
        {query.error.message}
      </Alert>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState
        title="You haven't listed anything yet"
        action={
          <Link href="/items/new" className={buttonStyles("primary")}>
            List your first item
          </Link>
        }
      >
        A drill you use twice a year, a tent, a projector — someone nearby would love to borrow it.
      </EmptyState>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <ItemGrid label="Your items">
        {items.map((item) => (
          <li key={item.id} className="flex">
            <div className="flex w-full flex-col [&>article]:flex-1">
              <ItemGridCard
                item={item}
                categories={categories}
                footer={
                  <div className="flex w-full flex-col gap-2">
                    {/* Only its owner (and admins) still see a hidden item: here, with why. */}
                    {item.hidden && (
                      <p className="text-sm font-medium text-red-800">
                        Hidden by moderators: {item.hidden.reason}
                      </p>
                    )}
                    <div className="flex gap-2">
                      {!item.hidden && (
                        <Link
                          href={`/items/${item.id}/edit`}
                          className={buttonStyles("secondary", "sm")}
                          aria-label={`Edit ${item.title}`}
                        >
                          Edit
                        </Link>
                      )}
                      <DeleteItemButton
                        itemId={item.id}
                        itemTitle={item.title}
                        onDeleted={() => dropItem(item.id)}
                      />
                    </div>
                  </div>
                }
              />
            </div>
          </li>
        ))}
      </ItemGrid>
      {query.hasNextPage && (
        <div className="flex justify-center">
          <Button
            variant="secondary"
            pending={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            Show more
          </Button>
        </div>
      )}
    </div>
  );
}
