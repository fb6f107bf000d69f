import type { ConversationItem } from "@sharehood/sdk/contract";
import { cx } from "@sharehood/ui/cx";

/** A thread's item as a small square: its photo, or a plain box (no photo, or the item was removed). */
export function ItemThumbnail({ item, className }: { item: ConversationItem; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cx(
        "block shrink-0 overflow-hidden rounded-xl bg-stone-100 ring-1 ring-stone-200",
        className,
      )}
    >
      {item.thumbnailUrl && !item.deleted ? (
        // eslint-disable-next-line @next/next/no-img-element -- photos are already sized (see next.config.ts)
        <img src={item.thumbnailUrl} alt="" className="size-full object-cover" loading="lazy" />
      ) : (
        <svg viewBox="0 0 24 24" className="size-full p-3 text-stone-400" fill="none">
          <path
            d="M4 8.5 12 4l8 4.5v7L12 20l-8-4.5z M4 8.5 12 13l8-4.5 M12 13v7"
            stroke="currentColor"
            strokeWidth="1.5"
            strokeLinejoin="round"
          />
        </svg>
      )}
    </span>
  );
}
