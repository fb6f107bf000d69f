import { randomBytes } from "node:crypto";
import {
  ACCESS_TOKEN_PREFIX,
  ACCESS_TOKEN_PREFIX_LENGTH,
  MAX_ACCESS_TOKENS,
  ScopeSchema,
  scopesForRole,
  type AccessToken,
  type CreatedAccessToken,
  type Scope,
} from "@sharehood/sdk";
import type { CreateAccessTokenBodySchema } from "@sharehood/sdk/contract";
import { conflict, forbidden, notFound, unauthenticated } from "@sharehood/server-kit";
import type { z } from "zod";
import type { Caller } from "../auth/caller.ts";
import type { Revoke } from "../auth/revocations.ts";
import { hashToken } from "../auth/tokens.ts";
import type { AccessTokenRecord, AccessTokensRepository } from "./access-tokens.repository.ts";

/** A new personal access token secret: the recognisable prefix and 256 random bits. */
export function generateAccessTokenSecret(): string {
  return `${ACCESS_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

/** Stored scope names, minus any the contract no longer knows (a removed scope grants nothing). */
export function knownScopes(scopes: readonly string[]): Scope[] {
  return scopes.filter((scope): scope is Scope => ScopeSchema.safeParse(scope).success);
}

const toDto = (row: AccessTokenRecord): AccessToken => ({
  id: row.id,
  name: row.name,
  scopes: knownScopes(row.scopes),
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  expiresAt: row.expiresAt?.toISOString() ?? null,
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  lastUsedFrom: row.lastUsedFrom,
});

/** Personal access tokens: a person's list, creation (secret shown once) and revocation. */
export function createAccessTokensService(deps: { tokens: AccessTokensRepository; revoke: Revoke }) {
  const { tokens, revoke } = deps;
  return {
    list: async (caller: Caller): Promise<{ items: AccessToken[] }> => ({
      items: (await tokens.list(caller.user.id)).map(toDto),
    }),

    async create(
      caller: Caller,
      body: z.output<typeof CreateAccessTokenBodySchema>,
    ): Promise<CreatedAccessToken> {
      // A token is a narrowed copy of its owner's rights, never a wider one.
      const allowed = new Set(scopesForRole(caller.user.role));
      const beyond = body.scopes.filter((scope) => !allowed.has(scope));
      if (beyond.length > 0)
        throw forbidden(
          `Your role (${caller.user.role}) cannot grant ${beyond.map((s) => `"${s}"`).join(", ")}: ` +
            `a token may carry only ${[...allowed].map((s) => `"${s}"`).join(", ")}`,
        );
      const secret = generateAccessTokenSecret();
      const created = await tokens.create(
        {
          userId: caller.user.id,
          name: body.name,
          scopes: [...body.scopes],
          hash: hashToken(secret),
          prefix: secret.slice(0, ACCESS_TOKEN_PREFIX_LENGTH),
          expiresAt: body.expiresAt ? new Date(body.expiresAt) : null,
        },
        MAX_ACCESS_TOKENS,
      );
      if (created === undefined) throw unauthenticated("The account no longer exists");
      if (created === null)
        throw conflict(
          `You already have ${MAX_ACCESS_TOKENS} live personal access tokens, the most allowed: revoke one you no longer use first`,
        );
      return { ...toDto(created), token: secret };
    },

    /** Every service refuses the token within a second: the same revocation message as a logout. */
    async revoke(caller: Caller, id: string): Promise<void> {
      const hash = await tokens.revoke(caller.user.id, id);
      if (!hash) throw notFound("The personal access token");
      await revoke({ userId: caller.user.id, tokenHashes: [hash], reason: "token_revoked" });
    },
  };
}

export type AccessTokensService = ReturnType<typeof createAccessTokensService>;
