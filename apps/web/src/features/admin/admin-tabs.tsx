import { TabLinks } from "@/features/layout/tab-links";

const TABS = [
  { href: "/admin", label: "Users" },
  { href: "/admin/items", label: "Items" },
  { href: "/admin/loans", label: "Loans" },
  { href: "/admin/reports", label: "Reports" },
  { href: "/admin/audit", label: "Audit log" },
];

/** The admin area's sections. */
export function AdminTabs({ current }: { current: string }) {
  return (
    <TabLinks label="Admin sections" tabs={TABS.map((tab) => ({ ...tab, current: tab.href === current }))} />
  );
}
