import type { ReactNode } from "react";
import type { Category, Item } from "@sharehood/sdk/contract";
import { ItemCard } from "@sharehood/ui/item-card";
import { CardSaveButton } from "@/features/favourites/save-button";
import { CONDITION_LABELS } from "@/features/items/conditions";
import { NextLink } from "@/features/items/next-link";

/**
 * An item as a card in a grid, with its category's name, its first photo when it has one, its
 * owner linking to their profile, and the heart that saves it (for signed-in people).
 */
export function ItemGridCard({
  item,
  categories,
  footer,
  priority,
}: {
  item: Item;
  categories: readonly Category[];
  footer?: ReactNode;
  priority?: boolean;
}) {
  const category = categories.find((c) => c.id === item.categoryId);
  return (
    <ItemCard
      href={`/items/${item.id}`}
      title={item.title}
      categoryId={item.categoryId}
      categoryName={category?.name}
      conditionLabel={CONDITION_LABELS[item.condition]}
      ownerName={item.owner.name}
      ownerId={item.owner.id}
      ownerAvatarUrl={item.owner.avatarUrl}
      ownerHref={`/people/${item.owner.id}`}
      location={item.location}
      imageUrl={item.photos[0]?.thumbnailUrl ?? null}
      link={NextLink}
      footer={footer}
      action={<CardSaveButton item={item} />}
      priority={priority}
    />
  );
}
