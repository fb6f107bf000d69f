import { PERMISSIONS, PERMISSIONS_BY_ROLE, permissionsOfScopes, type TokenValidation } from "@sharehood/sdk";
import { AppError } from "@sharehood/server-kit";
import { accountSuspended } from "../auth/account-suspended.ts";
import type { UserDtos } from "../users/user-dto.ts";
import type { AccessTokensRepository } from "./access-tokens.repository.ts";
import { knownScopes } from "./access-tokens.service.ts";

/**
 * What validate-token answers as `expiresAt` for a token that never expires. Caches still keep an
 * answer no longer than their TTL, and a stream still ends at its own limit.
 */
export const NEVER_EXPIRES = "9999-12-31T23:59:59.000Z";

/**
 * Validates a personal access token by its hash. Its permissions are its scopes' permissions
 * narrowed to what its owner's role grants now: a demoted admin's token loses the admin scope's
 * rights at the next validation (role changes evict every cached answer about the owner's tokens).
 */
export function createAccessTokenValidation(deps: { tokens: AccessTokensRepository; dto: UserDtos }) {
  return async function validateAccessToken(
    hash: string,
  ): Promise<{ validation: TokenValidation; accessTokenId: string }> {
    const record = await deps.tokens.findByHash(hash);
    const expired = record?.expiresAt != null && record.expiresAt.getTime() <= Date.now();
    // As for sessions: the holder of a suspended account's token hears why it stopped working.
    if (record && record.user.suspendedAt && !expired) throw accountSuspended();
    if (!record || record.revokedAt !== null || expired)
      throw new AppError("unauthenticated", "The access token is invalid, expired or revoked", {
        extensions: { valid: false },
      });
    const scopes = knownScopes(record.scopes);
    const granted = new Set(permissionsOfScopes(scopes));
    const held = new Set(PERMISSIONS_BY_ROLE[record.user.role]);
    const { id, email, name, role, avatarId } = record.user;
    return {
      accessTokenId: record.id,
      validation: {
        valid: true,
        user: { id, email, name, role, avatarUrl: deps.dto.avatarUrl(avatarId) },
        permissions: PERMISSIONS.filter((permission) => granted.has(permission) && held.has(permission)),
        expiresAt: record.expiresAt?.toISOString() ?? NEVER_EXPIRES,
        tokenKind: "personal",
        scopes,
      },
    };
  };
}

export type ValidateAccessToken = ReturnType<typeof createAccessTokenValidation>;
