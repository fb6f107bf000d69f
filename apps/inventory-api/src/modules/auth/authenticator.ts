import type { Request } from "express";
import type { TokenValidation } from "@sharehood/sdk";
import {
  createAuthenticator as createUserApiAuthenticator,
  type Logger,
  type TokenCache,
  type UserApiClient,
} from "@sharehood/server-kit";
import type { Caller } from "./caller.ts";
import type { OwnersRepository } from "../owners/owners.repository.ts";

/**
 * Establishes the caller of a write through the User API (server-kit's authenticator: cached
 * validation, else the User API's answer), and keeps the owner's public name and avatar up to
 * date from each fresh answer (a change empties the public cache, since items show both).
 * Inventory never decodes a token itself.
 */
export function createAuthenticator(deps: {
  userApi: UserApiClient;
  cache: TokenCache<TokenValidation>;
  owners: OwnersRepository;
  onOwnerRenamed: () => Promise<void>;
  /** Unused since the shared authenticator took over; kept so the app's wiring need not change. */
  logger?: Logger;
}): Authenticate {
  return createUserApiAuthenticator({
    userApi: deps.userApi,
    cache: deps.cache,
    onValidated: async (validation) => {
      const { id, name, avatarUrl } = validation.user;
      if (await deps.owners.remember(id, name, avatarUrl)) await deps.onOwnerRenamed();
    },
  });
}

export type Authenticate = (req: Request) => Promise<Caller>;
