import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@sharehood/ui/button";
import { PageHeading } from "@/features/layout/page-heading";
import { NotificationList } from "@/features/notifications/notification-list";
import { NOTIFICATIONS_PAGE_SIZE } from "@/features/notifications/queries";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Notifications",
  description: "What happened to your loans and your listings on Sharehood.",
  robots: { index: false },
};

export default async function NotificationsPage() {
  // The layout sent anyone signed out to sign-in. One call; if the Notification API is down,
  // the list says so and the rest of the site carries on.
  const session = await getUserClient();
  const firstPage = await session?.client.notifications
    .list({ query: { limit: NOTIFICATIONS_PAGE_SIZE } })
    .catch(() => undefined);
  return (
    <div className="mx-auto flex max-w-3xl flex-col">
      <PageHeading
        title="Notifications"
        intro="Requests, answers and reminders about the things you lend and borrow."
        actions={
          <Link href="/profile/notifications" className={buttonStyles("ghost", "sm")}>
            Email settings
          </Link>
        }
      />
      <NotificationList initialPage={firstPage} />
    </div>
  );
}
