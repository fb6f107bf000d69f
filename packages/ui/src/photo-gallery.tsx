"use client";
import { useRef, useState, type KeyboardEvent } from "react";
import { cx } from "./cx.ts";

/** One photo of a gallery, in display and thumbnail sizes (as the Inventory API serves them). */
export interface GalleryPhoto {
  id: string;
  url: string;
  thumbnailUrl: string;
  width: number;
  height: number;
}

/** Props of `PhotoGallery`. */
export interface PhotoGalleryProps {
  photos: readonly GalleryPhoto[];
  /** What the photos show (the item's title); alt texts are built from it. */
  title: string;
  className?: string;
}

/**
 * A main photo and a row of thumbnails to choose it. The thumbnails are buttons: Tab reaches the
 * chosen one, arrow keys (and Home/End) move between them and show each at once.
 */
export function PhotoGallery({ photos, title, className }: PhotoGalleryProps) {
  const [selected, setSelected] = useState(0);
  const thumbs = useRef<Array<HTMLButtonElement | null>>([]);
  const index = Math.min(selected, photos.length - 1);
  const current = photos[index];
  if (!current) return null;
  const count = photos.length;

  function show(next: number) {
    const wrapped = (next + count) % count;
    setSelected(wrapped);
    thumbs.current[wrapped]?.focus();
  }
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: count - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    show(next);
  }

  return (
    <div className={cx("flex flex-col gap-3", className)}>
      <figure className="aspect-[4/3] overflow-hidden rounded-3xl bg-stone-100 ring-1 ring-stone-200">
        <img
          src={current.url}
          width={current.width}
          height={current.height}
          alt={count > 1 ? `${title}, photo ${index + 1} of ${count}` : `Photo of ${title}`}
          className="h-full w-full object-contain"
        />
      </figure>
      {count > 1 && (
        <ul aria-label={`Photos of ${title}`} className="flex flex-wrap gap-2" onKeyDown={onKeyDown}>
          {photos.map((photo, i) => (
            <li key={photo.id}>
              <button
                ref={(element) => {
                  thumbs.current[i] = element;
                }}
                type="button"
                tabIndex={i === index ? 0 : -1}
                aria-current={i === index ? "true" : undefined}
                aria-label={`Show photo ${i + 1} of ${count}`}
                onClick={() => setSelected(i)}
                className={cx(
                  "block overflow-hidden rounded-xl ring-2 transition",
                  "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700",
                  i === index ? "ring-brand-700" : "ring-transparent opacity-80 hover:opacity-100",
                )}
              >
                <img
                  src={photo.thumbnailUrl}
                  width={96}
                  height={72}
                  alt=""
                  className="h-[72px] w-24 object-cover"
                />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
