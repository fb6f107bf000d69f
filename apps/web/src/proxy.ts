import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth, SESSION_COOKIE } from "@/auth";
import { getEnv, usesSecureCookies } from "@/env";
import { cookieHeaderAfter, sessionCookiesOnly } from "@/server/forward-cookies";
import {
  PAGE_OWNER_HEADER,
  PERSONAL_RENDER_HEADER,
  REQUEST_PATH_HEADER,
  pagePathOf,
} from "@/server/request-path";
import { decodeSessionCookie, hasSessionCookie, SESSION_TOKENS_HEADER } from "@/server/session-cookie";
import { endedBySuspension, refreshDue, refreshDueAt } from "@/server/token-refresh";
import type { SessionTokens } from "@/server/session-token";
import { SUSPENDED_CODE, SUSPENDED_MESSAGE } from "@/features/auth/suspension";
import { suspendedMarkCookie } from "@/server/suspended-mark";
import { newNonce, securityHeaders } from "@/server/security-headers";

// next-auth's proxy form (`export { auth as proxy }`): it reads the session and, when the API
// access token is about to expire, refreshes it in the jwt callback (see token-refresh.ts) and
// answers the new encrypted cookie as Set-Cookie. Server components cannot set cookies; this can.
// It re-encrypts the cookie on every call, so it runs only when a refresh is due.
const readSession = auth as unknown as (request: NextRequest, event: NextFetchEvent) => Promise<Response>;

/**
 * The session for the page, read once: a fresh one is handed on as it is (nothing re-encrypted,
 * no cookie sent back); one due for a refresh goes through next-auth, which refreshes the tokens
 * and answers the new cookie (`fresh` is the session handed on as it was). Anonymous requests
 * skip all of it.
 */
async function sessionFor(
  request: NextRequest,
  event: NextFetchEvent,
  forwarded: Headers,
): Promise<{ setCookies: string[]; suspended: boolean; fresh?: SessionTokens }> {
  forwarded.delete(SESSION_TOKENS_HEADER);
  const cookieHeader = request.headers.get("cookie");
  if (!hasSessionCookie(cookieHeader)) return { setCookies: [], suspended: false };
  const tokens = await decodeSessionCookie(request.headers);
  if (tokens && !refreshDue(tokens)) {
    forwarded.set(SESSION_TOKENS_HEADER, JSON.stringify(tokens));
    return { setCookies: [], suspended: false, fresh: tokens };
  }
  const session = await readSession(request, event);
  const setCookies = sessionCookiesOnly(session.headers.getSetCookie(), SESSION_COOKIE);
  // The page reads the cookie the browser will hold from now on, not the one it sent: with the
  // old one, it would still see the tokens that were just rotated (or a session just ended).
  if (setCookies.length > 0) forwarded.set("cookie", cookieHeaderAfter(cookieHeader, setCookies));
  return { setCookies, suspended: tokens !== null && endedBySuspension(tokens) };
}

/**
 * The answer for a request whose session just ended because the account is suspended: a page
 * goes to the sign-in page, which says so (the suspended mark); a call of the app's own routes
 * gets the problem code, which the browser code acts on the same way (features/auth/suspension.ts).
 */
function suspendedAnswer(request: NextRequest): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (pathname === "/sign-in") return null;
  if (pathname.startsWith("/api/"))
    return NextResponse.json({ message: SUSPENDED_MESSAGE, code: SUSPENDED_CODE }, { status: 403 });
  if (request.method !== "GET") return null;
  // On the host the request came to (as after signing in): the person must stay on it.
  const signIn = request.nextUrl.clone();
  signIn.pathname = "/sign-in";
  signIn.search = "";
  return NextResponse.redirect(signIn);
}

/**
 * Runs before every page, server action and route handler: keeps the session fresh and sets
 * the security headers that change per response.
 */
export async function proxy(request: NextRequest, event: NextFetchEvent): Promise<Response> {
  const forwarded = new Headers(request.headers);
  const { setCookies, suspended, fresh } = await sessionFor(request, event, forwarded);

  const env = getEnv();
  const nonce = newNonce();
  const security = securityHeaders({
    nonce,
    https: usesSecureCookies(env),
    development: env.NODE_ENV === "development",
  });
  // Next.js takes the nonce for its own script tags from the request's CSP header.
  forwarded.set("x-nonce", nonce);
  // Layouts and the forbidden page are not handed the URL; they read it from here.
  forwarded.set(REQUEST_PATH_HEADER, pagePathOf(new URL(request.url)));
  forwarded.set("content-security-policy", security["content-security-policy"]!);

  const response =
    (suspended && suspendedAnswer(request)) || NextResponse.next({ request: { headers: forwarded } });
  for (const cookie of setCookies) response.headers.append("set-cookie", cookie);
  if (suspended) response.cookies.set(suspendedMarkCookie());
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  // The page cache may keep this person's page for this session until its refresh is due.
  if (fresh && request.headers.has(PERSONAL_RENDER_HEADER))
    response.headers.set(PAGE_OWNER_HEADER, `${fresh.viewer.id} ${refreshDueAt(fresh)}`);
  return response;
}

export const config = {
  // Not for item photos (/photos/...) or avatars (/avatars/...): they need neither a session nor a page's CSP.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|sitemap.xml|photos/|avatars/).*)"],
};
