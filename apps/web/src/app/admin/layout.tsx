import type { ReactNode } from "react";
import { requireAdmin } from "@/features/admin/require-admin";

/**
 * The admin area's gate. It runs above admin/loading.tsx, before anything streams, so a refusal is
 * a real 403 (or a 307 to sign-in), not a 200 with the refusal inside. The pages check again: a
 * layout is not run again when a person moves between the pages under it.
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin();
  return children;
}
