import { TabLinks } from "@/features/layout/tab-links";

const TABS = [
  { href: "/profile/tokens", label: "API tokens" },
  { href: "/profile/webhooks", label: "Webhooks" },
];

/** The two settings pages of direct API access. */
export function ApiAccessTabs({ current }: { current: string }) {
  return (
    <TabLinks
      label="Direct API access"
      tabs={TABS.map((tab) => ({ ...tab, current: tab.href === current }))}
    />
  );
}
