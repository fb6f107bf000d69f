import type { TokenValidation } from "@sharehood/sdk";
import type { TokenCache } from "@sharehood/server-kit";

/** A validation as cached: the public answer plus what logout needs to find the session. */
export interface CachedValidation {
  validation: TokenValidation;
  sessionId: string;
}

export type ValidationCache = TokenCache<CachedValidation>;
