import type { Request } from "express";
import type { TokenValidation } from "@sharehood/sdk";
import { bearerToken, hashToken, type Logger, type TokenCache } from "@sharehood/server-kit";
import type { Caller } from "./caller.ts";
import type { OwnersRepository } from "../owners/owners.repository.ts";
import type { UserApiClient } from "./user-api-client.ts";

/**
 * Establishes the caller of a write: the cached validation when there is one, else the User API's
 * answer (which is then cached). Inventory never decodes a token itself.
 */
export function createAuthenticator(deps: {
  userApi: UserApiClient;
  cache: TokenCache<TokenValidation>;
  owners: OwnersRepository;
  onOwnerRenamed: () => Promise<void>;
  logger: Logger;
}) {
  // Concurrent first requests with one token share a single User API call (and a single cache
  // fill) instead of each asking: a burst after a cache expiry costs one round trip, not N.
  const validating = new Map<string, Promise<Caller>>();

  async function validate(token: string, hash: string, requestId: string): Promise<Caller> {
    const fetchedAt = Date.now(); // before asking: a revocation after this moment must win
    const validation = await deps.userApi.validate(token, requestId);
    await deps.cache.put(hash, validation, fetchedAt);
    if (await deps.owners.remember(validation.user.id, validation.user.name)) await deps.onOwnerRenamed();
    return { user: validation.user, permissions: validation.permissions };
  }

  return async function authenticate(req: Request): Promise<Caller> {
    const token = bearerToken(req);
    const hash = hashToken(token);
    const cached = await deps.cache.get(hash);
    if (cached) return { user: cached.user, permissions: cached.permissions };
    let pending = validating.get(hash);
    if (!pending) {
      pending = validate(token, hash, req.id).finally(() => validating.delete(hash));
      validating.set(hash, pending);
    }
    return pending;
  };
}

export type Authenticate = ReturnType<typeof createAuthenticator>;
