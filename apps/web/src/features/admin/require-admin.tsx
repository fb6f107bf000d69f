import "server-only";
import type { Viewer } from "@/server/session-token";
import { can, requireViewer } from "@/server/session";

/** The viewer when they may administer users, else null (the page then shows "not allowed"). */
export async function requireAdmin(returnTo: string): Promise<Viewer | null> {
  const viewer = await requireViewer(returnTo);
  return can(viewer, "user.list") ? viewer : null;
}
