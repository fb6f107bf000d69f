import type { Metadata } from "next";
import { AdminTabs } from "@/features/admin/admin-tabs";
import { requireAdmin } from "@/features/admin/require-admin";
import { UsersTable } from "@/features/admin/users-table";
import { PageHeading } from "@/features/layout/page-heading";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Admin · Users",
  description: "Manage Sharehood users and their roles.",
  robots: { index: false },
};

export default async function AdminUsersPage() {
  const viewer = await requireAdmin();
  const session = await getUserClient();
  const firstPage = await session?.client.users.list({ query: { limit: 25 } }).catch(() => undefined);
  return (
    <div>
      <PageHeading title="Admin" intro="Look after the community: people, listings and loans." />
      <AdminTabs current="/admin" />
      <UsersTable viewerId={viewer.id} initialPage={firstPage} />
    </div>
  );
}
