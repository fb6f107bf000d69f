import { Router } from "express";
import { userRoutes } from "@sharehood/sdk/contract";
import type { AuthService } from "./auth.service.ts";
import type { ClientAddress } from "./client-address.ts";
import type { Mount } from "./mount.ts";

export function authRouter(mount: Mount, auth: AuthService, clientAddress: ClientAddress): Router {
  const router = Router();
  mount(router, userRoutes.register, ({ body, req }) => auth.register(body, clientAddress(req)));
  mount(router, userRoutes.login, ({ body, req }) => auth.login(body, clientAddress(req)));
  mount(router, userRoutes.refresh, ({ body }) => auth.refresh(body));
  mount(router, userRoutes.logout, ({ caller }) => auth.logout(caller));
  mount(router, userRoutes.validateToken, async ({ body }) => {
    // The calling service passes the address of the client it serves (a token's "last used from").
    const caller = await auth.authenticate(body.token, body.clientAddress);
    const { user, permissions, expiresAt, tokenKind, scopes } = caller;
    return { valid: true as const, user, permissions: [...permissions], expiresAt, tokenKind, scopes };
  });
  return router;
}
