"use client";
import { useState } from "react";
import { DEFAULT_RADIUS_KM, NEAR_RADII_KM, roundPosition } from "@sharehood/sdk/geo";
import { Button } from "@sharehood/ui/button";
import type { ItemFilters } from "@/features/items/item-filters";
import { currentPosition, geolocationProblem, placeLabel } from "@/features/places/place";
import { PlaceSearch } from "@/features/places/place-search";

const selectClass =
  "h-11 rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-sm focus:outline-2 focus:outline-brand-600";

/**
 * "Near me": the browser's location or a town, a radius and the order. The point goes into the URL
 * (`near`, rounded to the 250 m grid first, so a shared link says no more than an item's position
 * does, and nearby visitors share the cached page), with `radiusKm` and `sort=distance`.
 */
export function NearFilter({
  filters,
  onChange,
}: {
  filters: ItemFilters;
  onChange: (filters: ItemFilters) => void;
}) {
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const radius = filters.radiusKm || String(DEFAULT_RADIUS_KM);

  function nearPoint(point: { lat: number; lng: number }, place: string) {
    const { lat, lng } = roundPosition(point);
    onChange({ ...filters, near: `${lat},${lng}`, place, radiusKm: radius, sort: "distance" });
  }

  async function nearMe() {
    setLocating(true);
    setProblem(null);
    try {
      nearPoint(await currentPosition(), "");
    } catch (failure) {
      setProblem(geolocationProblem(Number((failure as Error).message)));
    } finally {
      setLocating(false);
    }
  }

  return (
    <section
      aria-labelledby="near-heading"
      className="flex flex-col gap-3 rounded-3xl bg-white p-3 shadow-sm ring-1 ring-stone-200 sm:p-4"
    >
      <h2 id="near-heading" className="sr-only">
        Near you
      </h2>
      <div className="grid gap-3 md:grid-cols-[auto_1fr_auto_auto] md:items-end">
        <Button
          type="button"
          variant="secondary"
          pending={locating}
          onClick={() => void nearMe()}
          className="md:mb-0"
        >
          Near me
        </Button>
        <PlaceSearch
          id="near-town"
          label="Or near a town"
          onPick={(place) => nearPoint(place, placeLabel(place))}
        />
        <div className="flex flex-col gap-1.5">
          <label htmlFor="near-radius" className="text-sm font-semibold text-stone-800">
            Within
          </label>
          <select
            id="near-radius"
            value={radius}
            onChange={(event) =>
              filters.near ? onChange({ ...filters, radiusKm: event.target.value }) : undefined
            }
            disabled={!filters.near}
            className={selectClass}
          >
            {NEAR_RADII_KM.map((km) => (
              <option key={km} value={String(km)}>
                {km} km
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="near-sort" className="text-sm font-semibold text-stone-800">
            Order
          </label>
          <select
            id="near-sort"
            value={filters.sort}
            onChange={(event) => onChange({ ...filters, sort: event.target.value })}
            disabled={!filters.near}
            className={selectClass}
          >
            <option value="distance">Nearest first</option>
            <option value="">{filters.q ? "Best match" : "Newest"}</option>
          </select>
        </div>
      </div>
      {filters.near && (
        <div className="flex flex-wrap items-center gap-2 text-sm text-stone-800">
          <p role="status">
            Within {radius} km of {filters.place || "your location"}
            {filters.sort === "distance" ? ", nearest first" : ""}.
          </p>
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => onChange({ ...filters, near: "", radiusKm: "", sort: "", place: "" })}
          >
            Anywhere
          </Button>
        </div>
      )}
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </section>
  );
}
