import type { ReactNode } from "react";

/**
 * The responsive grid of item cards: one column on phones, up to four on wide screens. Its label
 * is also a (visually hidden) level-2 heading, so the cards' level-3 titles sit under it in the
 * page's outline instead of jumping from the page's h1.
 */
export function ItemGrid({
  children,
  busy,
  label,
  showHeading = false,
}: {
  children: ReactNode;
  busy?: boolean;
  label: string;
  /** Show the heading (a section of a page, such as a profile's items); hidden by default. */
  showHeading?: boolean;
}) {
  return (
    <section className="contents">
      <h2 className={showHeading ? "mb-4 text-xl font-semibold text-stone-900" : "sr-only"}>{label}</h2>
      <ul
        aria-label={label}
        aria-busy={busy || undefined}
        className={`grid grid-cols-1 gap-5 transition-opacity sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 ${busy ? "opacity-60" : ""}`}
      >
        {children}
      </ul>
    </section>
  );
}
