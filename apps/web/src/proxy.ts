import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth, SESSION_COOKIE } from "@/auth";
import { getEnv, usesSecureCookies } from "@/env";
import { cookieHeaderAfter, sessionCookiesOnly } from "@/server/forward-cookies";
import { REQUEST_PATH_HEADER, pagePathOf } from "@/server/request-path";
import { newNonce, securityHeaders } from "@/server/security-headers";

// next-auth's proxy form (`export { auth as proxy }`): it reads the session and, when the API
// access token is about to expire, refreshes it in the jwt callback (see token-refresh.ts) and
// answers the new encrypted cookie as Set-Cookie. Server components cannot set cookies; this can.
const readSession = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * Runs before every page, server action and route handler: keeps the session fresh and sets
 * the security headers that change per response.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const session = await readSession(request, event);
  const setCookies = sessionCookiesOnly(session.headers.getSetCookie(), SESSION_COOKIE);

  const env = getEnv();
  const nonce = newNonce();
  const security = securityHeaders({
    nonce,
    https: usesSecureCookies(env),
    development: env.NODE_ENV === "development",
  });

  const forwarded = new Headers(request.headers);
  // The page reads the cookie the browser will hold from now on, not the one it sent: with the
  // old one, its own auth() would refresh the tokens a second time.
  if (setCookies.length > 0)
    forwarded.set("cookie", cookieHeaderAfter(request.headers.get("cookie"), setCookies));
  // Next.js takes the nonce for its own script tags from the request's CSP header.
  forwarded.set("x-nonce", nonce);
  // Layouts and the forbidden page are not handed the URL; they read it from here.
  forwarded.set(REQUEST_PATH_HEADER, pagePathOf(new URL(request.url)));
  forwarded.set("content-security-policy", security["content-security-policy"]!);

  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const cookie of setCookies) response.headers.append("set-cookie", cookie);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not for item photos (/photos/...): they need neither a session nor a page's CSP.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml|photos/).*)"],
};
