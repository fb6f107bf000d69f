import Link from "next/link";
import { cx } from "@sharehood/ui/cx";

const TABS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/items", label: "Items" },
  { href: "/admin/loans", label: "Loans" },
];

/** The admin area's sections. */
export function AdminTabs({ current }: { current: string }) {
  return (
    <nav
      aria-label="Admin sections"
      className="mb-6 flex gap-1 rounded-full bg-stone-200/70 p-1 sm:inline-flex"
    >
      {TABS.map((tab) => (
        <Link
          key={tab.href}
          href={tab.href}
          aria-current={tab.href === current ? "page" : undefined}
          className={cx(
            "flex-1 rounded-full px-4 py-2 text-center text-sm font-semibold",
            tab.href === current
              ? "bg-white text-stone-900 shadow-sm"
              : "text-stone-700 hover:text-stone-900",
          )}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
