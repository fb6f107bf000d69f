import "server-only";
import { createHash } from "node:crypto";
import { ApiError, type AuthResult } from "@sharehood/sdk";
import { getEnv } from "@/env";
import { apiClient } from "@/server/api-client";
import type { SessionTokens, Viewer } from "@/server/session-token";

/**
 * The User API rotates refresh tokens and treats a second use of a rotated one as theft (it
 * revokes the whole session). A page load can refresh in several places at once (the proxy,
 * then the page, parallel requests from one browser), so every refresh of one refresh token is
 * done once: concurrent callers share the promise, and later callers that still hold the old
 * cookie get the same new pair from a short-lived memo. It lives on globalThis because the proxy
 * and the pages are bundled separately but run in one process.
 */
interface RefreshMemo {
  inflight: Map<string, Promise<SessionTokens | null>>;
  done: Map<string, { tokens: SessionTokens | null; until: number }>;
}
const MEMO_MS = 5 * 60_000;
const memoKey = Symbol.for("sharehood.web.refresh-memo");
const globalMemo = globalThis as unknown as Record<symbol, RefreshMemo | undefined>;
const memo: RefreshMemo = (globalMemo[memoKey] ??= { inflight: new Map(), done: new Map() });

const keyOf = (refreshToken: string) => createHash("sha256").update(refreshToken).digest("base64url");

/** Turns a fresh login/register/refresh answer into session tokens, asking the User API for permissions. */
export async function tokensFromAuthResult(result: AuthResult): Promise<SessionTokens> {
  const validation = await apiClient().auth.validateToken({ body: { token: result.accessToken } });
  const viewer: Viewer = {
    id: validation.user.id,
    name: validation.user.name,
    email: validation.user.email,
    role: validation.user.role,
    permissions: validation.permissions,
  };
  return {
    viewer,
    accessToken: result.accessToken,
    refreshToken: result.refreshToken,
    accessTokenExpiresAt: Date.parse(result.expiresAt),
  };
}

async function refreshOnce(refreshToken: string): Promise<SessionTokens | null> {
  try {
    const result = await apiClient().auth.refresh({ body: { refreshToken } });
    return await tokensFromAuthResult(result);
  } catch (error) {
    // 401: the session was revoked (logout, deletion, reuse); anything else is transient.
    if (error instanceof ApiError && (error.status === 401 || error.status === 400)) return null;
    throw error;
  }
}

function sweep(now: number) {
  for (const [key, entry] of memo.done) if (entry.until < now) memo.done.delete(key);
}

/**
 * Returns tokens whose access token is good for at least the refresh margin, refreshing them
 * when needed. `null` means the session is over (the User API refused the refresh token).
 * When the User API cannot be reached the current tokens are returned unchanged.
 */
export function ensureFreshTokens(tokens: SessionTokens): Promise<SessionTokens | null> {
  const now = Date.now();
  const marginMs = getEnv().AUTH_REFRESH_MARGIN_SECONDS * 1000;
  if (tokens.accessTokenExpiresAt - now > marginMs) return Promise.resolve(tokens);

  const key = keyOf(tokens.refreshToken);
  sweep(now);
  const remembered = memo.done.get(key);
  if (remembered) return Promise.resolve(remembered.tokens);
  let pending = memo.inflight.get(key);
  if (!pending) {
    pending = refreshOnce(tokens.refreshToken).then(
      (fresh) => {
        memo.done.set(key, { tokens: fresh, until: Date.now() + MEMO_MS });
        return fresh;
      },
      (error: unknown) => {
        console.warn("web: token refresh failed, keeping the current token", error);
        return tokens;
      },
    );
    memo.inflight.set(key, pending);
    void pending.finally(() => memo.inflight.delete(key));
  }
  return pending;
}
