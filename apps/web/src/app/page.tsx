import type { Metadata } from "next";
import type { ItemPage } from "@sharehood/sdk";
import { BrowseView } from "@/features/items/browse-view";
import { filtersFromParams, filtersToQuery } from "@/features/items/item-filters";
import { failureFrom } from "@/server/action-result";
import { listItems } from "@/server/items";
import { getCategories } from "@/server/categories";

export const metadata: Metadata = {
  title: { absolute: "Sharehood — borrow what your neighbours own" },
  alternates: { canonical: "/" },
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function BrowsePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const filters = filtersFromParams(params);
  const cursor = typeof params.cursor === "string" ? params.cursor : undefined;
  const [categories, result] = await Promise.all([
    getCategories(),
    listItems(filtersToQuery(filters, cursor))
      .then((page): { page: ItemPage; error: null } => ({ page, error: null }))
      .catch((error: unknown) => ({ page: null, error: failureFrom(error).message })),
  ]);

  return (
    <div className="flex flex-col gap-8">
      <section className="relative overflow-hidden rounded-[2rem] bg-brand-900 px-6 py-8 text-white sm:px-10 sm:py-10">
        <div className="relative z-10 max-w-2xl">
          <p className="text-sm font-semibold uppercase tracking-wider text-brand-200">
            Your neighbourhood library of things
          </p>
          <h1 className="mt-3 text-3xl font-extrabold tracking-tight text-balance sm:text-4xl">
            Borrow it from a neighbour instead of buying it.
          </h1>
          <p className="mt-4 text-base text-brand-100 sm:text-lg">
            Drills, tents, projectors, party tables — find what people nearby are happy to lend, and share
            what you own.
          </p>
        </div>
        <svg
          aria-hidden="true"
          viewBox="0 0 200 200"
          className="absolute -right-10 -bottom-16 hidden size-80 opacity-25 sm:block"
        >
          <circle cx="100" cy="100" r="90" fill="#34d399" />
          <path d="M40 120 90 70l50 50v50H40z" fill="#064e3b" />
          <path d="M90 130 130 92l40 38v40H90z" fill="#a7f3d0" />
        </svg>
      </section>
      <BrowseView
        categories={categories}
        initialFilters={filters}
        initialPage={result.page}
        initialError={result.error}
      />
    </div>
  );
}
