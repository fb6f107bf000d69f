"use client";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Combobox, useDebounced } from "@/features/layout/combobox";
import { fetchJson } from "@/features/layout/fetch-json";
import { placeLabel, type Place } from "@/features/places/place";

/**
 * A town search over the offline list (`/api/places`): type a name, pick one of the towns offered
 * (the most populous first).
 */
export function PlaceSearch({
  id,
  label,
  onPick,
  className,
}: {
  id: string;
  label: string;
  onPick: (place: Place) => void;
  className?: string;
}) {
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), 200);
  const places = useQuery({
    queryKey: ["places", query.toLowerCase()],
    queryFn: ({ signal }) =>
      fetchJson<{ places: Place[] }>(`/api/places?q=${encodeURIComponent(query)}`, signal),
    enabled: query.length >= 2,
    staleTime: Infinity,
  });
  const found = query.length >= 2 ? (places.data?.places ?? []) : [];
  const options = found.map((place, index) => ({
    key: `${index}-${place.name}-${place.lat}-${place.lng}`,
    label: place.name,
    detail: place.country,
  }));

  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1.5 block text-sm font-semibold text-stone-800">
        {label}
      </label>
      <Combobox
        id={id}
        value={text}
        onValueChange={setText}
        options={options}
        listLabel="Towns"
        placeholder="Type a town's name"
        onSelect={(option) => {
          const place = found[options.findIndex((other) => other.key === option.key)];
          if (!place) return;
          setText(placeLabel(place));
          onPick(place);
        }}
        inputClassName="h-11 w-full rounded-xl border border-stone-300 bg-white px-3 text-base text-stone-900 shadow-sm focus:outline-2 focus:outline-brand-600"
      />
    </div>
  );
}
