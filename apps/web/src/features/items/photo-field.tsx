"use client";
import { useState, type DragEvent } from "react";
import { MAX_PHOTOS_PER_ITEM } from "@sharehood/sdk/limits";
import { Button } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";

/** One photo in the field: saved on the item, waiting for the item to be created, or uploading. */
export interface PhotoEntry {
  key: string;
  src: string;
  width?: number;
  height?: number;
  /** Shown under the preview (a file name for photos not saved yet). */
  name?: string;
  /** 0..1 while uploading. */
  progress?: number;
}

export const PHOTO_ACCEPT = "image/jpeg,image/png,image/webp";
const FIELD_ID = "field-photos";

/**
 * The photos of a listing: a file picker (a real, labelled file input) and a drop zone, previews in
 * order (the first is the cover), buttons to move each earlier or later and to remove it, upload
 * progress, and the problems (from the browser's checks or the API) beside the field.
 */
export function PhotoField({
  entries,
  problems,
  busy,
  note,
  onAdd,
  onMove,
  onRemove,
}: {
  entries: readonly PhotoEntry[];
  problems: readonly string[];
  busy: boolean;
  note?: string;
  onAdd: (files: File[]) => void;
  onMove: (index: number, delta: -1 | 1) => void;
  onRemove: (index: number) => void;
}) {
  const [dragging, setDragging] = useState(false);
  const full = entries.length >= MAX_PHOTOS_PER_ITEM;
  const describedBy = [problems.length > 0 ? `${FIELD_ID}-error` : null, `${FIELD_ID}-hint`]
    .filter(Boolean)
    .join(" ");

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (busy || full) return;
    onAdd(Array.from(event.dataTransfer.files));
  }
  function move(index: number, delta: -1 | 1, key: string) {
    onMove(index, delta);
    // Keep the keyboard on the photo that moved (or its other button once it reaches an end).
    requestAnimationFrame(() => {
      const same = document.getElementById(`${key}-${delta < 0 ? "earlier" : "later"}`);
      const other = document.getElementById(`${key}-${delta < 0 ? "later" : "earlier"}`);
      const target = same && !(same as HTMLButtonElement).disabled ? same : other;
      target?.focus();
    });
  }
  function remove(index: number) {
    onRemove(index);
    // The focused button goes away with its photo: keep the keyboard in this field.
    requestAnimationFrame(() => document.getElementById(`${FIELD_ID}-group`)?.focus());
  }

  return (
    <fieldset
      id={`${FIELD_ID}-group`}
      tabIndex={-1}
      className="flex flex-col gap-3 rounded-lg outline-none"
      aria-describedby={describedBy}
    >
      <legend className="text-sm font-semibold text-stone-800">Photos (optional)</legend>
      <p id={`${FIELD_ID}-hint`} className="-mt-1 text-sm text-stone-600">
        Up to {MAX_PHOTOS_PER_ITEM} JPEG, PNG or WebP images, 8 MB each. The first photo is the cover.
        {note ? ` ${note}` : ""}
      </p>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          if (!busy && !full) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={cx(
          "flex flex-col items-center gap-2 rounded-2xl border-2 border-dashed px-4 py-6 text-center text-sm text-stone-700",
          dragging ? "border-brand-600 bg-brand-50" : "border-stone-300 bg-stone-50",
        )}
      >
        <input
          id={FIELD_ID}
          type="file"
          multiple
          accept={PHOTO_ACCEPT}
          disabled={busy || full}
          aria-describedby={describedBy}
          aria-invalid={problems.length > 0 || undefined}
          className="peer sr-only"
          onChange={(event) => {
            const files = Array.from(event.currentTarget.files ?? []);
            event.currentTarget.value = "";
            if (files.length > 0) onAdd(files);
          }}
        />
        <label
          htmlFor={FIELD_ID}
          className={cx(
            "inline-flex h-11 cursor-pointer items-center rounded-full bg-white px-4 text-sm font-semibold text-stone-800 shadow-sm ring-1 ring-inset ring-stone-300 hover:bg-stone-50",
            "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-700",
            "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
          )}
        >
          Add photos
        </label>
        <p>{full ? "This item has as many photos as it can hold." : "or drag and drop images here"}</p>
      </div>
      {problems.length > 0 && (
        <div id={`${FIELD_ID}-error`} role="alert" className="text-sm font-medium text-red-700">
          {problems.map((problem, index) => (
            <p key={index}>{problem}</p>
          ))}
        </div>
      )}
      {entries.length > 0 && (
        <ol aria-label="Photos, in order" className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {entries.map((entry, index) => {
            const label = `photo ${index + 1}`;
            const uploading = entry.progress !== undefined;
            return (
              <li
                key={entry.key}
                className="flex flex-col overflow-hidden rounded-2xl bg-white ring-1 ring-stone-200"
                aria-busy={uploading || undefined}
              >
                <div className="relative aspect-[4/3] bg-stone-100">
                  {/* eslint-disable-next-line @next/next/no-img-element -- local previews and the API's own thumbnails */}
                  <img
                    src={entry.src}
                    alt={`Photo ${index + 1}${entry.name ? `: ${entry.name}` : ""}`}
                    width={entry.width ?? 480}
                    height={entry.height ?? 360}
                    className={cx("h-full w-full object-cover", uploading && "opacity-60")}
                  />
                  {index === 0 && (
                    <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-semibold text-stone-800">
                      Cover
                    </span>
                  )}
                </div>
                {uploading ? (
                  <div className="flex flex-col gap-1 p-2 text-xs text-stone-700">
                    <progress
                      max={1}
                      value={entry.progress}
                      aria-label={`Uploading ${entry.name ?? label}`}
                      className="h-2 w-full accent-brand-700"
                    />
                    <span>Uploading… {Math.round((entry.progress ?? 0) * 100)}%</span>
                  </div>
                ) : (
                  <div className="flex flex-wrap items-center gap-1 p-2">
                    <Button
                      id={`${entry.key}-earlier`}
                      variant="ghost"
                      size="sm"
                      className="px-2"
                      aria-label={`Move ${label} earlier`}
                      disabled={index === 0}
                      aria-disabled={busy || undefined}
                      onClick={() => !busy && move(index, -1, entry.key)}
                    >
                      <span aria-hidden="true">←</span>
                    </Button>
                    <Button
                      id={`${entry.key}-later`}
                      variant="ghost"
                      size="sm"
                      className="px-2"
                      aria-label={`Move ${label} later`}
                      disabled={index === entries.length - 1 || entries[index + 1]?.progress !== undefined}
                      aria-disabled={busy || undefined}
                      onClick={() => !busy && move(index, 1, entry.key)}
                    >
                      <span aria-hidden="true">→</span>
                    </Button>
                    <Button
                      variant="ghost"
                      size="sm"
                      className="ml-auto px-2 text-red-700"
                      aria-label={`Remove ${label}`}
                      aria-disabled={busy || undefined}
                      onClick={() => !busy && remove(index)}
                    >
                      Remove
                    </Button>
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </fieldset>
  );
}
