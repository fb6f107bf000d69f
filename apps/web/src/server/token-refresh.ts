import "server-only";
import { createHash } from "node:crypto";
import { ApiError, type AuthResult } from "@sharehood/sdk";
import { getEnv } from "@/env";
import { apiClient } from "@/server/api-client";
import type { SessionTokens, Viewer } from "@/server/session-token";
import { siteAvatarPath } from "@/server/site-avatars";

/**
 * The User API rotates refresh tokens. A second use of a rotated one within its grace window
 * (REFRESH_REUSE_GRACE_SECONDS) answers another pair of the same session, so parallel requests
 * of one browser and several web replicas do not sign the person out; a later one is treated as
 * theft and ends the session. Here, callers that refresh the same token at the same moment in
 * this process share one request. Nothing is remembered once it settles: handing the new pair to
 * whoever still shows the old cookie would let a stolen, already rotated cookie back in. It lives
 * on globalThis because the proxy and the pages are bundled separately but run in one process.
 */
const inflightKey = Symbol.for("sharehood.web.refresh-inflight");
const globalInflight = globalThis as unknown as Record<symbol, Map<string, Promise<SessionTokens | null>>>;
const inflight = (globalInflight[inflightKey] ??= new Map());

const keyOf = (refreshToken: string) => createHash("sha256").update(refreshToken).digest("base64url");

// Sessions whose refresh the User API refused because the account is suspended, by refresh token,
// for a minute: the proxy, which ends the session, sends the person to the sign-in page that says
// why. The token is dead either way, so remembering it a little longer gives nothing away.
const suspendedKey = Symbol.for("sharehood.web.refresh-suspended");
const globalSuspended = globalThis as unknown as Record<symbol, Map<string, number>>;
const suspended = (globalSuspended[suspendedKey] ??= new Map());
const SUSPENDED_MEMORY_MS = 60_000;

function rememberSuspended(refreshToken: string): void {
  const now = Date.now();
  for (const [key, until] of suspended) if (until <= now) suspended.delete(key);
  suspended.set(keyOf(refreshToken), now + SUSPENDED_MEMORY_MS);
}

/** Whether these tokens' session ended because the account is suspended (see ensureFreshTokens). */
export function endedBySuspension(tokens: SessionTokens): boolean {
  return (suspended.get(keyOf(tokens.refreshToken)) ?? 0) > Date.now();
}

/**
 * Turns a login/register/refresh answer of the User API into session tokens. The answer carries
 * the token's permissions, so no validate-token call is needed.
 */
export function tokensFromAuthResult(result: AuthResult): SessionTokens {
  const { id, name, email, role, avatarUrl } = result.user;
  const viewer: Viewer = {
    id,
    name,
    email,
    role,
    permissions: result.permissions,
    avatarUrl: siteAvatarPath(avatarUrl),
  };
  return {
    viewer,
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    accessTokenExpiresAt: Date.parse(result.expiresAt),
  };
}

/** When the access token comes within the refresh margin of its expiry, in ms since the epoch. */
export function refreshDueAt(tokens: SessionTokens): number {
  return tokens.accessTokenExpiresAt - getEnv().AUTH_REFRESH_MARGIN_SECONDS * 1000;
}

/** Whether the access token is within the refresh margin of its expiry (or past it). */
export function refreshDue(tokens: SessionTokens, now = Date.now()): boolean {
  return refreshDueAt(tokens) <= now;
}

async function refreshOnce(refreshToken: string): Promise<SessionTokens | null> {
  try {
    const result = await apiClient().auth.refresh({ body: { refreshToken } });
    return tokensFromAuthResult(result);
  } catch (error) {
    // 401: the session was revoked (logout, deletion, reuse); 403 account_suspended: the account
    // is suspended, which ends it too; anything else is transient.
    if (error instanceof ApiError && error.code === "account_suspended") {
      rememberSuspended(refreshToken);
      return null;
    }
    if (error instanceof ApiError && (error.status === 401 || error.status === 400)) return null;
    throw error;
  }
}

/**
 * Returns tokens whose access token is good for at least the refresh margin, refreshing them
 * when needed. `null` means the session is over (the User API refused the refresh token).
 * When the User API cannot be reached the current tokens are returned unchanged.
 */
export function ensureFreshTokens(tokens: SessionTokens): Promise<SessionTokens | null> {
  if (!refreshDue(tokens)) return Promise.resolve(tokens);

  const key = keyOf(tokens.refreshToken);
  let pending = inflight.get(key);
  if (!pending) {
    pending = refreshOnce(tokens.refreshToken)
      .catch((error: unknown) => {
        console.warn("web: token refresh failed, keeping the current token", error);
        return tokens;
      })
      .finally(() => inflight.delete(key));
    inflight.set(key, pending);
  }
  return pending;
}
