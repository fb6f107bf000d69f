import { Router } from "express";
import { userRoutes } from "@sharehood/sdk/contract";
import type { Mount } from "../auth/mount.ts";
import type { AccessTokensService } from "./access-tokens.service.ts";

/** `/users/me/tokens`: mounted before the users router, so "me" is never taken for an id. */
export function accessTokensRouter(mount: Mount, tokens: AccessTokensService): Router {
  const router = Router();
  mount(router, userRoutes.listAccessTokens, ({ caller }) => tokens.list(caller));
  mount(router, userRoutes.createAccessToken, ({ caller, body }) => tokens.create(caller, body));
  mount(router, userRoutes.revokeAccessToken, ({ caller, params }) => tokens.revoke(caller, params.id));
  return router;
}
