import Link from "next/link";

/** The page footer. */
export function SiteFooter() {
  return (
    <footer className="border-t border-stone-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-6 text-sm text-stone-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Sharehood — lend what you own, borrow what you need.</p>
        <p className="flex gap-4">
          <Link href="/" className="hover:text-stone-900 hover:underline">
            Browse
          </Link>
          <Link href="/items/new" className="hover:text-stone-900 hover:underline">
            Lend something
          </Link>
        </p>
      </div>
    </footer>
  );
}
