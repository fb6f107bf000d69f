import { getToken } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/auth";
import { getEnv, usesSecureCookies } from "@/env";
import { hasCookie, sessionCookiePairs } from "@/server/forward-cookies";
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

// Cookies decrypted lately, by their exact bytes: a person's pages, their RSC fetches and
// prefetches present the same cookie many times a minute, and each decryption costs about a
// millisecond of CPU. An entry lives a minute at most and never past its access token's expiry,
// so a refresh (which changes the cookie) is never delayed. What it holds is what the cookie says,
// so revoking a session still works as before: the APIs refuse its token.
const decoded = new Map<string, { tokens: SessionTokens; until: number }>();
const DECODED_MAX = 5_000;
const DECODED_TTL_MS = 60_000;

/** The tokens in the request's session cookie, or null when there is none or it does not decrypt. */
export async function decodeSessionCookie(headers: Headers): Promise<SessionTokens | null> {
  const key = sessionCookiePairs(headers.get("cookie"), SESSION_COOKIE);
  if (!key) return null;
  const now = Date.now();
  const hit = decoded.get(key);
  if (hit && hit.until > now) return hit.tokens;
  if (hit) decoded.delete(key);
  const env = getEnv();
  const jwt = await getToken({
    req: { headers },
    secret: env.AUTH_SECRET,
    secureCookie: usesSecureCookies(env),
    cookieName: SESSION_COOKIE,
    salt: SESSION_COOKIE,
  });
  const tokens = jwt?.tokens ?? null;
  if (tokens) {
    if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
    decoded.set(key, { tokens, until: Math.min(now + DECODED_TTL_MS, tokens.accessTokenExpiresAt) });
  }
  return tokens;
}
