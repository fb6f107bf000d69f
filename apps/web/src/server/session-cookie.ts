import { getToken } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/auth";
import { getEnv, usesSecureCookies } from "@/env";
import { hasCookie } from "@/server/forward-cookies";
import type { SessionTokens } from "@/server/session-token";

/**
 * The request header the proxy hands the page the session it has just read on: decrypting the
 * cookie costs a couple of milliseconds, so a page does not do it again. scripts/server.mjs drops
 * every `x-sharehood-*` header a client sends and the proxy deletes this one before it decides,
 * so only the proxy sets it.
 */
export const SESSION_TOKENS_HEADER = "x-sharehood-session";

/** Whether a Cookie header holds a session cookie at all (an anonymous request needs no decryption). */
export function hasSessionCookie(cookieHeader: string | null): boolean {
  return hasCookie(cookieHeader, SESSION_COOKIE);
}

/** The tokens in the request's session cookie, or null when there is none or it does not decrypt. */
export async function decodeSessionCookie(headers: Headers): Promise<SessionTokens | null> {
  const env = getEnv();
  const jwt = await getToken({
    req: { headers },
    secret: env.AUTH_SECRET,
    secureCookie: usesSecureCookies(env),
    cookieName: SESSION_COOKIE,
    salt: SESSION_COOKIE,
  });
  return jwt?.tokens ?? null;
}
