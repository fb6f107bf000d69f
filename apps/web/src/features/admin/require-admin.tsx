import "server-only";
import type { Viewer } from "@/server/session-token";
import { requirePermission } from "@/server/session";

/**
 * The viewer when they may administer Sharehood; signed out, a redirect to sign-in; anyone else
 * gets the 403 "Admins only" page (app/forbidden.tsx).
 */
export function requireAdmin(): Promise<Viewer> {
  return requirePermission("user.list");
}
