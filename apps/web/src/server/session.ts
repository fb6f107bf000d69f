import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import type { Permission } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { clientAddressForwarding } from "@/server/client-address";
import { REQUEST_PATH_HEADER } from "@/server/request-path";
import { decodeSessionCookie, SESSION_TOKENS_HEADER } from "@/server/session-cookie";
import { can, type SessionTokens, type Viewer } from "@/server/session-token";

/** The signed-in person for this request, or null. Safe to pass to client components. */
export const getViewer = cache(
  async (): Promise<Viewer | null> => (await readSessionTokens())?.viewer ?? null,
);

/** Whether the viewer holds a permission: stated beside `Viewer`, for client components too. */
export { can };

/** This request's page path and query (set by the proxy), or "/" outside a page request. */
export async function requestPath(): Promise<string> {
  return (await headers()).get(REQUEST_PATH_HEADER) ?? "/";
}

/**
 * The viewer, or a redirect to sign-in that comes back to `returnTo` (by default the page asked
 * for). Called before anything streams (a layout above a loading.tsx, or a page without one), the
 * redirect is a real 307.
 */
export async function requireViewer(returnTo?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo ?? (await requestPath()))}`);
  return viewer;
}

/**
 * The viewer when they hold `permission`; signed out, a redirect to sign-in; signed in without
 * it, Next's `forbidden()`: a 403 with the friendly page of app/forbidden.tsx.
 */
export async function requirePermission(permission: Permission): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!can(viewer, permission)) forbidden();
  return viewer;
}

// The session the proxy read and handed on; else (it refreshed the tokens, so the page sees the
// new cookie, or no proxy ran) the cookie itself, decrypted here. No refresh here: the proxy
// refreshed the tokens before this request reached the page (a refresh here could not write the
// cookie, so the browser would keep presenting the rotated token). The pages never hold a
// session object with tokens; a `Viewer` is what they pass on.
const readSessionTokens = cache(async (): Promise<SessionTokens | null> => {
  const request = await headers();
  const handed = request.get(SESSION_TOKENS_HEADER);
  if (handed) return JSON.parse(handed) as SessionTokens;
  return decodeSessionCookie(request);
});

/** An SDK client acting as the signed-in person, or null when nobody is signed in. Server-only. */
export async function getUserClient() {
  const tokens = await readSessionTokens();
  return tokens ? { client: apiClient(tokens.accessToken), viewer: tokens.viewer } : null;
}

/**
 * Like `getUserClient`, and it also vouches for the person's address: for the account calls the
 * User API limits per address (changing the email, deleting the account). Server-only.
 */
export async function getAccountClient() {
  const tokens = await readSessionTokens();
  if (!tokens) return null;
  return { client: apiClient(tokens.accessToken, await clientAddressForwarding()), viewer: tokens.viewer };
}

/** The access token of this request's session, for sign-out. Server-only. */
export async function getAccessToken(): Promise<string | null> {
  return (await readSessionTokens())?.accessToken ?? null;
}
