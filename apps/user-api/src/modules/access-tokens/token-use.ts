import type { Logger } from "@sharehood/server-kit";
import type { AccessTokensRepository } from "./access-tokens.repository.ts";

/** A token's "last used" is written at most this often: heavy use costs no write per request. */
export const TOKEN_USE_THROTTLE_MS = 60_000;
/** Past this many remembered tokens, the ones not written within the throttle are forgotten. */
const MAX_REMEMBERED = 10_000;

/**
 * Records that a personal access token was used, and from where, without delaying the request:
 * each replica skips tokens it wrote within the minute, and the database's conditional UPDATE
 * makes replicas racing for one token write once.
 */
export function createTokenUse(tokens: AccessTokensRepository, logger: Logger) {
  const written = new Map<string, number>();
  return function recordUse(accessTokenId: string, from: string | undefined): void {
    const now = Date.now();
    if (now - (written.get(accessTokenId) ?? 0) < TOKEN_USE_THROTTLE_MS) return;
    if (written.size >= MAX_REMEMBERED)
      for (const [id, at] of written) if (now - at >= TOKEN_USE_THROTTLE_MS) written.delete(id);
    written.set(accessTokenId, now);
    tokens.recordUse(accessTokenId, from ?? null, TOKEN_USE_THROTTLE_MS).catch((error: unknown) => {
      written.delete(accessTokenId);
      logger.warn({ err: (error as Error).message }, "could not record a token's use");
    });
  };
}

export type RecordTokenUse = ReturnType<typeof createTokenUse>;
