import "server-only";
import { getEnv, usesSecureCookies } from "@/env";
import { SUSPENDED_MARK } from "@/features/auth/suspension";

/** The suspended mark (features/auth/suspension.ts) as a cookie to set on a response. */
export function suspendedMarkCookie() {
  return {
    name: SUSPENDED_MARK.name,
    value: SUSPENDED_MARK.value,
    maxAge: SUSPENDED_MARK.maxAgeSeconds,
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: usesSecureCookies(getEnv()),
  };
}
