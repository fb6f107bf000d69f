import type { ListItemsQuery } from "@sharehood/sdk/contract";

/** What the browse page is filtered by, as it appears in the URL. */
export interface ItemFilters {
  q: string;
  category: string;
  from: string;
  to: string;
}

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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
  return { q: read(params, "q"), category: read(params, "category"), from, to };
}

/** The filters as a URL query string (empty values left out). */
export function filtersToSearch(filters: ItemFilters, extra: Record<string, string> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filters, ...extra })) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The filters as an Inventory API query. */
export function filtersToQuery(filters: ItemFilters, cursor?: string | null, limit = 24): ListItemsQuery {
  return {
    q: filters.q || undefined,
    category: filters.category || undefined,
    availableFrom: filters.from || undefined,
    availableTo: filters.to || undefined,
    cursor: cursor ?? undefined,
    limit,
  };
}
