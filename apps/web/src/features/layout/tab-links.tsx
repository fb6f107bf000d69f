import Link from "next/link";
import { cx } from "@sharehood/ui/cx";

/** One link of a `TabLinks` bar. */
export interface TabLink {
  href: string;
  label: string;
  current: boolean;
}

/**
 * A switch between the views of a page, as links (the view is in the URL). On phones the links
 * share the width equally and their labels wrap, so the bar never runs off a narrow screen.
 */
export function TabLinks({ label, tabs }: { label: string; tabs: TabLink[] }) {
  return (
    <nav
      aria-label={label}
      className="mb-6 grid auto-cols-fr grid-flow-col gap-1 rounded-3xl bg-stone-200/70 p-1 sm:inline-grid sm:rounded-full"
    >
      {tabs.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.current ? "page" : undefined}
          className={cx(
            "flex min-h-10 items-center justify-center rounded-full px-3 py-2 text-center text-sm leading-tight font-semibold sm:px-4",
            tab.current ? "bg-white text-stone-900 shadow-sm" : "text-stone-700 hover:text-stone-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
