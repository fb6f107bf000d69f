import type { Request } from "express";
import type { TokenValidation } from "@sharehood/sdk";
import { bearerToken } from "../http/bearer.ts";
import { hashToken, type TokenCache } from "../token-cache.ts";
import type { AuthenticatedCaller } from "./caller.ts";
import type { UserApiClient } from "./user-api-client.ts";

const callerOf = (validation: TokenValidation, tokenHash: string): AuthenticatedCaller => ({
  user: validation.user,
  permissions: validation.permissions,
  tokenHash,
  expiresAt: validation.expiresAt,
});

/** The client's address as the User API records it (at most 64 characters, as the contract allows). */
const clientAddressOf = (req: Request): string | undefined => req.ip?.slice(0, 64) || undefined;

/**
 * Establishes the caller of a request from its bearer token: the cached validation when there is
 * one, else the User API's answer (which is then cached). No service but the User API decodes a
 * token. `onValidated` sees each fresh answer (the Inventory API keeps owners' names from it).
 */
export function createAuthenticator(deps: {
  userApi: Pick<UserApiClient, "validate">;
  cache: TokenCache<TokenValidation>;
  onValidated?: (validation: TokenValidation) => Promise<void>;
}) {
  // Concurrent first requests with one token share a single User API call (and a single cache
  // fill) instead of each asking: a burst after a cache expiry costs one round trip, not N.
  const validating = new Map<string, Promise<AuthenticatedCaller>>();

  async function validate(
    token: string,
    hash: string,
    requestId: string,
    clientAddress: string | undefined,
  ): Promise<AuthenticatedCaller> {
    const fetchedAt = Date.now(); // before asking: a revocation after this moment must win
    const validation = await deps.userApi.validate(token, requestId, clientAddress);
    await deps.cache.put(hash, validation, fetchedAt);
    await deps.onValidated?.(validation);
    return callerOf(validation, hash);
  }

  return async function authenticate(req: Request): Promise<AuthenticatedCaller> {
    const token = bearerToken(req);
    const hash = hashToken(token);
    const cached = await deps.cache.get(hash);
    if (cached) return callerOf(cached, hash);
    let pending = validating.get(hash);
    if (!pending) {
      // req.ip believes X-Forwarded-For only from the proxies the service trusts (TRUST_PROXY).
      pending = validate(token, hash, req.id, clientAddressOf(req)).finally(() => validating.delete(hash));
      validating.set(hash, pending);
    }
    return pending;
  };
}

export type Authenticate = ReturnType<typeof createAuthenticator>;
