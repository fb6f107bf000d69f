"use client";
import { useState } from "react";
import { RATING_MAX } from "@sharehood/sdk/limits";
import { Star } from "@/features/reviews/stars";

const WORDS = ["", "Poor", "Fair", "Good", "Very good", "Excellent"];

/**
 * A rating from 1 to 5 as a radio group (arrow keys move between the stars, as in any radio
 * group): each star is a radio named "1 star" … "5 stars", drawn as a star that fills up to the
 * choice (or to the one under the pointer).
 */
export function RatingField({ legend, error }: { legend: string; error?: string }) {
  const [value, setValue] = useState(0);
  const [pointed, setPointed] = useState(0);
  const shown = pointed || value;
  return (
    <fieldset
      role="radiogroup"
      aria-labelledby="rating-legend"
      aria-describedby={error ? "rating-error" : undefined}
      className="flex flex-col gap-1.5"
    >
      <legend id="rating-legend" className="mb-1.5 text-sm font-semibold text-stone-800">
        {legend}
      </legend>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex" onPointerLeave={() => setPointed(0)}>
          {Array.from({ length: RATING_MAX }, (_, index) => {
            const stars = index + 1;
            return (
              <label
                key={stars}
                onPointerEnter={() => setPointed(stars)}
                className="cursor-pointer rounded-lg p-1 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700"
              >
                <input
                  type="radio"
                  name="rating"
                  value={stars}
                  checked={value === stars}
                  onChange={() => setValue(stars)}
                  className="sr-only"
                />
                <Star fill={stars <= shown ? 1 : 0} className="size-8" />
                <span className="sr-only">{stars === 1 ? "1 star" : `${stars} stars`}</span>
              </label>
            );
          })}
        </div>
        <span aria-hidden="true" className="text-sm font-medium text-stone-700">
          {WORDS[shown] ?? ""}
        </span>
      </div>
      {error && (
        <p id="rating-error" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
