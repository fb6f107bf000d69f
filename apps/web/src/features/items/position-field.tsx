"use client";
import { useState } from "react";
import type { Position } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { currentPosition, geolocationProblem, placeLabel } from "@/features/places/place";
import { PlaceSearch } from "@/features/places/place-search";

/**
 * Roughly where the item is, for "near me": the browser's location or a town of the offline list.
 * Sent as `lat`/`lng` (hidden fields); the Inventory API keeps it rounded to about 250 m.
 */
export function PositionField({ initial, error }: { initial: Position | null; error?: string | undefined }) {
  const [position, setPosition] = useState<Position | null>(initial);
  const [label, setLabel] = useState(initial ? "The position saved before" : "");
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function locateMe() {
    setLocating(true);
    setProblem(null);
    try {
      setPosition(await currentPosition());
      setLabel("Your location");
    } catch (failure) {
      setProblem(geolocationProblem(Number((failure as Error).message)));
    } finally {
      setLocating(false);
    }
  }

  return (
    <fieldset
      className="flex flex-col gap-3 rounded-2xl p-4 ring-1 ring-stone-200"
      aria-describedby="position-hint"
    >
      <legend className="px-1 text-sm font-semibold text-stone-800">Where it is, roughly (optional)</legend>
      <p id="position-hint" className="text-sm text-stone-600">
        So neighbours nearby find it. It is stored rounded to about 250 m: nobody can read your address from
        it.
      </p>
      <input type="hidden" name="lat" value={position?.lat ?? ""} />
      <input type="hidden" name="lng" value={position?.lng ?? ""} />
      <p role="status" className="text-sm font-medium text-stone-900">
        {position ? `${label} (${position.lat.toFixed(3)}, ${position.lng.toFixed(3)})` : "No position set."}
      </p>
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          pending={locating}
          onClick={() => void locateMe()}
        >
          Use my location
        </Button>
        {position && (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setPosition(null);
              setLabel("");
            }}
          >
            Remove position
          </Button>
        )}
      </div>
      <PlaceSearch
        id="position-town"
        label="Or pick a town"
        onPick={(place) => {
          setPosition({ lat: place.lat, lng: place.lng });
          setLabel(placeLabel(place));
          setProblem(null);
        }}
      />
      {(problem ?? error) && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem ?? error}
        </p>
      )}
    </fieldset>
  );
}
