import type { TokenValidation } from "@sharehood/sdk";
import type { TokenCache } from "@sharehood/server-kit";

/**
 * A validation as cached: the public answer plus what logout needs to find the session (null for
 * a personal access token) and, for a personal access token, its id (to record its use).
 */
export interface CachedValidation {
  validation: TokenValidation;
  sessionId: string | null;
  accessTokenId?: string;
}

export type ValidationCache = TokenCache<CachedValidation>;
