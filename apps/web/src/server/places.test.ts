import { describe, expect, it } from "vitest";
import { foldName, searchPlaces } from "./places.ts";

const place = (name: string, population: number) => ({
  name,
  country: "FR",
  lat: 45,
  lng: 4,
  population,
  key: foldName(name),
});
// Sorted by population, as loadPlaces keeps them.
const places = [place("Lyon", 500_000), place("Saint-Étienne", 170_000), place("Lyons-la-Forêt", 700)];

describe("searchPlaces", () => {
  it("finds towns by the start of their name, biggest first", () => {
    expect(searchPlaces(places, "ly").map((p) => p.name)).toEqual(["Lyon", "Lyons-la-Forêt"]);
  });

  it("ignores accents and case, and finds a word inside the name", () => {
    expect(searchPlaces(places, "ETIENNE").map((p) => p.name)).toEqual(["Saint-Étienne"]);
  });

  it("answers nothing for an empty query", () => {
    expect(searchPlaces(places, "  ")).toEqual([]);
  });
});
