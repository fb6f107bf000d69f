"use client";
import { formText } from "@/features/layout/form-text";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { Category, Suggestions } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";
import { filtersToSearch, type ItemFilters } from "@/features/items/item-filters";
import { NearFilter } from "@/features/items/near-filter";
import { Combobox, useDebounced } from "@/features/layout/combobox";
import { fetchJson } from "@/features/layout/fetch-json";

const inputClass =
  "h-12 w-full rounded-full border border-stone-300 bg-white px-4 text-base text-stone-900 shadow-sm placeholder:text-stone-500 focus:outline-2 focus:outline-brand-600";

/**
 * The search box with its title suggestions: a pause in typing asks /api/items/suggest; Down
 * reaches them, Enter on one opens that item, Enter otherwise searches for what was typed.
 */
function SearchBox({ initial }: { initial: string }) {
  const router = useRouter();
  const [text, setText] = useState(initial);
  const typed = useDebounced(text.trim(), 200);
  const suggestions = useQuery({
    queryKey: ["items", "suggest", typed.toLowerCase()],
    queryFn: ({ signal }) =>
      fetchJson<Suggestions>(`/api/items/suggest?q=${encodeURIComponent(typed)}`, signal),
    enabled: typed.length >= 2 && typed !== initial,
    staleTime: 60_000,
  });
  const options =
    typed.length >= 2 && typed !== initial
      ? (suggestions.data?.suggestions ?? []).map((s) => ({ key: s.id, label: s.title }))
      : [];
  return (
    <Combobox
      id="search-q"
      name="q"
      type="search"
      value={text}
      onValueChange={setText}
      options={options}
      listLabel="Suggestions"
      onSelect={(option) => router.push(`/items/${option.key}`)}
      placeholder="Search drills, tents, projectors…"
      inputClassName={inputClass}
    />
  );
}

/**
 * The search box, the availability dates, "near me" and the category chips. Without JavaScript the form is
 * a plain GET and the chips are links; with it they update the URL in place and React Query
 * fetches the new results.
 */
export function BrowseFilters({
  filters,
  categories,
  onChange,
}: {
  filters: ItemFilters;
  categories: readonly Category[];
  onChange: (filters: ItemFilters) => void;
}) {
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => formText(form, key).trim();
    onChange({ ...filters, q: text("q"), from: text("from"), to: text("to") });
  }
  const chips = [{ id: "", name: "Everything" }, ...categories];

  return (
    <div className="flex flex-col gap-4">
      <form
        role="search"
        action="/"
        method="get"
        onSubmit={submit}
        className="grid gap-3 rounded-3xl bg-white p-3 shadow-sm ring-1 ring-stone-200 md:grid-cols-[1fr_auto_auto_auto] md:items-end"
        key={filtersToSearch(filters)}
      >
        {filters.category && <input type="hidden" name="category" value={filters.category} />}
        {/* Without JavaScript a search keeps the place it was near. */}
        {(["near", "radiusKm", "sort", "place"] as const).map((key) =>
          filters[key] ? <input key={key} type="hidden" name={key} value={filters[key]} /> : null,
        )}
        <div>
          <label htmlFor="search-q" className="sr-only">
            Search items
          </label>
          <SearchBox initial={filters.q} />
        </div>
        <div className="grid grid-cols-2 gap-3 md:contents">
          <div className="flex flex-col gap-1">
            <label htmlFor="search-from" className="px-2 text-xs font-semibold text-stone-700">
              Available from
            </label>
            <input
              id="search-from"
              name="from"
              type="date"
              defaultValue={filters.from}
              className={inputClass}
            />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="search-to" className="px-2 text-xs font-semibold text-stone-700">
              until
            </label>
            <input id="search-to" name="to" type="date" defaultValue={filters.to} className={inputClass} />
          </div>
        </div>
        <Button type="submit" size="lg">
          Search
        </Button>
      </form>
      <NearFilter filters={filters} onChange={onChange} />
      <nav aria-label="Categories" className="-mx-4 overflow-x-auto px-4 pb-1 sm:mx-0 sm:px-0">
        <ul className="flex gap-2 sm:flex-wrap">
          {chips.map((category) => {
            const active = filters.category === category.id;
            const next = { ...filters, category: category.id };
            return (
              <li key={category.id || "all"}>
                <a
                  href={`/${filtersToSearch(next)}`}
                  aria-current={active ? "true" : undefined}
                  onClick={(event) => {
                    event.preventDefault();
                    onChange(next);
                  }}
                  className={cx(
                    "inline-flex h-10 items-center rounded-full px-4 text-sm font-semibold whitespace-nowrap ring-1 ring-inset transition-colors",
                    active
                      ? "bg-stone-900 text-white ring-stone-900"
                      : "bg-white text-stone-700 ring-stone-300 hover:bg-stone-100",
                  )}
                >
                  {category.name}
                </a>
              </li>
            );
          })}
        </ul>
      </nav>
    </div>
  );
}
