import type { ReactNode } from "react";

/** The responsive grid of item cards: one column on phones, up to four on wide screens. */
export function ItemGrid({ children, busy, label }: { children: ReactNode; busy?: boolean; label: string }) {
  return (
    <ul
      aria-label={label}
      aria-busy={busy || undefined}
      className={`grid grid-cols-1 gap-5 transition-opacity sm:grid-cols-2 lg:grid-cols-3 xl:grid-cols-4 ${busy ? "opacity-60" : ""}`}
    >
      {children}
    </ul>
  );
}
