"use client";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";
import { HeartIcon } from "@/features/favourites/heart-icon";
import { useSavedItem } from "@/features/favourites/use-saved-item";

interface SaveButtonProps {
  item: { id: string; title: string; owner: { id: string } };
}

/**
 * The heart on an item card: a toggle button ("Save <title>", pressed when saved) for signed-in
 * people other than the owner; nothing for anyone else, nor until the saved ids are in.
 */
export function CardSaveButton({ item }: SaveButtonProps) {
  const { viewer, saved, error, toggle } = useSavedItem(item.id);
  if (!viewer || viewer.id === item.owner.id || saved === undefined) return null;
  return (
    <div className="relative">
      <button
        type="button"
        aria-pressed={saved}
        aria-label={`Save ${item.title}`}
        onClick={toggle}
        className={cx(
          "flex size-10 items-center justify-center rounded-full bg-white/95 shadow-sm ring-1 ring-stone-200 hover:bg-white",
          saved ? "text-rose-700" : "text-stone-700",
        )}
      >
        <HeartIcon filled={saved} className="size-5" />
      </button>
      {error && (
        <p
          role="alert"
          className="absolute right-0 top-12 w-48 rounded-xl bg-white px-3 py-2 text-xs font-medium text-red-800 shadow-md ring-1 ring-red-200"
        >
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * "Save" on an item page: a toggle button for signed-in people other than the owner; signed out,
 * a link that signs in and comes back here. The page is the same for everybody: this part is
 * filled in by the browser.
 */
export function PageSaveButton({ item, className }: SaveButtonProps & { className?: string }) {
  const { viewer, saved, error, toggle } = useSavedItem(item.id);
  if (viewer === null)
    return (
      <Link
        href={`/sign-in?callbackUrl=${encodeURIComponent(`/items/${item.id}`)}`}
        className={buttonStyles("secondary", "sm", cx("when-signed-out", className))}
      >
        <HeartIcon filled={false} className="size-4" />
        Sign in to save
      </Link>
    );
  if (!viewer || viewer.id === item.owner.id || saved === undefined) return null;
  return (
    <div className={cx("flex flex-col items-start gap-2", className)}>
      <div className="flex flex-wrap items-center gap-3">
        {/* A toggle keeps its name; whether it is pressed says the rest. */}
        <button
          type="button"
          aria-pressed={saved}
          onClick={toggle}
          className={buttonStyles("secondary", "sm", saved ? "text-rose-800" : undefined)}
        >
          <HeartIcon filled={saved} className="size-4" />
          Save
        </button>
        {saved && (
          <Link href="/saved" className="text-sm font-medium text-brand-800 underline">
            In your saved items
          </Link>
        )}
      </div>
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
