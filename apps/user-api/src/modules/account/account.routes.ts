import { Router } from "express";
import { userRoutes } from "@sharehood/sdk/contract";
import type { ClientAddress } from "../auth/client-address.ts";
import type { Mount } from "../auth/mount.ts";
import type { AccountService } from "./account.service.ts";

export function accountRouter(mount: Mount, account: AccountService, clientAddress: ClientAddress): Router {
  const router = Router();
  mount(router, userRoutes.requestEmailVerification, ({ caller }) =>
    account.requestEmailVerification(caller),
  );
  mount(router, userRoutes.verifyEmail, ({ body, req }) => account.verifyEmail(body, clientAddress(req)));
  mount(router, userRoutes.requestPasswordReset, ({ body, req }) =>
    account.requestPasswordReset(body, clientAddress(req)),
  );
  mount(router, userRoutes.resetPassword, ({ body, req }) => account.resetPassword(body, clientAddress(req)));
  return router;
}
