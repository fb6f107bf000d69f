import type { ListItemsQuery } from "@sharehood/sdk/contract";
import { DEFAULT_RADIUS_KM, MAX_RADIUS_KM } from "@sharehood/sdk/geo";

/**
 * What the browse page is filtered by, as it appears in the URL. "Near" is `near=<lat>,<lng>`
 * (already rounded to the 250 m grid by the page that set it), `radiusKm`, `sort=distance`, and
 * `place`, the town's name to show when the point is a town's.
 */
export interface ItemFilters {
  q: string;
  category: string;
  from: string;
  to: string;
  near: string;
  radiusKm: string;
  sort: string;
  place: string;
}

/** No filter at all. */
export const NO_FILTERS: ItemFilters = {
  q: "",
  category: "",
  from: "",
  to: "",
  near: "",
  radiusKm: "",
  sort: "",
  place: "",
};

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NEAR = /^(-?\d{1,3}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/;

/**
 * `near` as the API reads it (NearParamSchema), or "" for anything it would refuse. Checked by hand:
 * this runs in the browser too, where parsing with zod would try `new Function` (its fast path),
 * which the CSP forbids and reports.
 */
function readNear(value: string): string {
  const match = NEAR.exec(value.replace(/\s/g, ""));
  if (!match) return "";
  const [lat, lng] = [Number(match[1]), Number(match[2])];
  return Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? `${lat},${lng}` : "";
}

function read(params: Params, key: string): string {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  const first = Array.isArray(value) ? value[0] : value;
  return (first ?? "").trim().slice(0, 200);
}

/** Reads the filters from the URL, dropping what the API would refuse. */
export function filtersFromParams(params: Params): ItemFilters {
  let from = read(params, "from");
  let to = read(params, "to");
  if (!DATE.test(from)) from = "";
  if (!DATE.test(to)) to = "";
  // One date alone means "available that day".
  if (from && !to) to = from;
  if (to && !from) from = to;
  if (from > to) [from, to] = [to, from];
  // Near a point: the radius and the distance order mean nothing without it.
  const near = readNear(read(params, "near"));
  const radius = Number(read(params, "radiusKm"));
  const radiusKm = near && radius > 0 && radius <= MAX_RADIUS_KM ? String(radius) : "";
  const sort = near && read(params, "sort") === "distance" ? "distance" : "";
  const place = near ? read(params, "place").slice(0, 100) : "";
  return { q: read(params, "q"), category: read(params, "category"), from, to, near, radiusKm, sort, place };
}

/** The filters as a URL query string (empty values left out). */
export function filtersToSearch(filters: ItemFilters, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** Whether any filter is set (the empty results then say "nothing matches"). */
export function hasFilters(filters: ItemFilters): boolean {
  return Boolean(filters.q || filters.category || filters.from || filters.near);
}

/** The filters as an Inventory API query. */
export function filtersToQuery(filters: ItemFilters, cursor?: string | null, limit = 24): ListItemsQuery {
  return {
    q: filters.q || undefined,
    category: filters.category || undefined,
    availableFrom: filters.from || undefined,
    availableTo: filters.to || undefined,
    near: filters.near || undefined,
    radiusKm: filters.near ? Number(filters.radiusKm || DEFAULT_RADIUS_KM) : undefined,
    sort: filters.sort === "distance" ? "distance" : undefined,
    cursor: cursor ?? undefined,
    limit,
  };
}
