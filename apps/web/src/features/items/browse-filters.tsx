"use client";
import { formText } from "@/features/layout/form-text";
import type { FormEvent } from "react";
import type { Category } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { cx } from "@sharehood/ui/cx";
import { filtersToSearch, type ItemFilters } from "@/features/items/item-filters";

const inputClass =
  "h-12 w-full rounded-full border border-stone-300 bg-white px-4 text-base text-stone-900 shadow-sm placeholder:text-stone-500 focus:outline-2 focus:outline-brand-600";

/**
 * The search box, the availability dates and the category chips. Without JavaScript the form is
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
    onChange({ q: text("q"), category: filters.category, from: text("from"), to: text("to") });
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
        <div>
          <label htmlFor="search-q" className="sr-only">
            Search items
          </label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder="Search drills, tents, projectors…"
            className={inputClass}
          />
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
