import type { ComponentType, ReactNode } from "react";
import { Avatar } from "./avatar.tsx";
import { CategoryIllustration } from "./category-illustration.tsx";

/** A link component (such as Next's `Link`); a plain anchor by default. */
export type LinkComponent = ComponentType<{ href: string; className?: string; children: ReactNode }>;

/** Props of `ItemCard`. */
export interface ItemCardProps {
  href: string;
  title: string;
  categoryId: string;
  categoryName?: string;
  conditionLabel: string;
  ownerName: string;
  ownerId: string;
  /** The owner's avatar photo; without one, their initials. */
  ownerAvatarUrl?: string | null;
  /** The owner's profile: their name becomes a link there (above the card's own link). */
  ownerHref?: string;
  location?: string | null;
  /** A photo; without one the category illustration is shown. */
  imageUrl?: string | null;
  link?: LinkComponent;
  /** Load the picture at once (cards in the first screenful); the rest load lazily. */
  priority?: boolean;
  /** Extra controls under the card (such as edit and delete on my own listings). */
  footer?: ReactNode;
  /** A control over the picture's top right corner (such as a save button), above the card's link. */
  action?: ReactNode;
}

function DefaultLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <a href={href} className={className}>
      {children}
    </a>
  );
}

/**
 * An item in a grid: picture, title, condition, owner and location. The whole card is one link;
 * the owner's name (a link to their profile) and the `action` sit above it.
 */
export function ItemCard({
  href,
  title,
  categoryId,
  categoryName,
  conditionLabel,
  ownerName,
  ownerId,
  ownerAvatarUrl,
  ownerHref,
  location,
  imageUrl,
  link: Link = DefaultLink,
  priority = false,
  footer,
  action,
}: ItemCardProps) {
  const owner = (
    <>
      <Avatar name={ownerName} seed={ownerId} size="sm" src={ownerAvatarUrl} />
      <span>
        <span className="sr-only">Lent by </span>
        {ownerName}
      </span>
    </>
  );
  return (
    <article className="group relative flex flex-col overflow-hidden rounded-3xl bg-white shadow-sm ring-1 ring-stone-200 transition hover:-translate-y-0.5 hover:shadow-md focus-within:ring-2 focus-within:ring-brand-600">
      <div className="relative aspect-[4/3] overflow-hidden bg-stone-100">
        {imageUrl ? (
          <img
            src={imageUrl}
            alt=""
            loading={priority ? "eager" : "lazy"}
            fetchPriority={priority ? "high" : "auto"}
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
          />
        ) : (
          <CategoryIllustration categoryId={categoryId} className="transition group-hover:scale-[1.02]" />
        )}
        {categoryName && (
          <span className="absolute left-3 top-3 rounded-full bg-white/90 px-2.5 py-1 text-xs font-semibold text-stone-800 shadow-sm">
            {categoryName}
          </span>
        )}
        {action && <div className="absolute right-2 top-2 z-10">{action}</div>}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <h3 className="line-clamp-2 text-base font-semibold leading-snug text-stone-900">
          <Link href={href} className="outline-none after:absolute after:inset-0 after:content-['']">
            {title}
          </Link>
        </h3>
        <p className="text-sm text-stone-600">
          <span className="sr-only">Condition: </span>
          {conditionLabel}
          {location && (
            <>
              <span aria-hidden="true"> · </span>
              <span className="sr-only">Location: </span>
              {location}
            </>
          )}
        </p>
        <p className="mt-auto flex pt-1 text-sm text-stone-700">
          {ownerHref ? (
            // Above the card's link (which covers the card), so it can be clicked on its own.
            <Link
              href={ownerHref}
              className="relative z-10 flex items-center gap-2 rounded-full hover:underline"
            >
              {owner}
            </Link>
          ) : (
            <span className="flex items-center gap-2">{owner}</span>
          )}
        </p>
      </div>
      {footer && <div className="relative z-10 flex gap-2 border-t border-stone-100 px-4 py-3">{footer}</div>}
    </article>
  );
}
