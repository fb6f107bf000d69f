import { createRouteMounter, type AuthenticatedCaller } from "@sharehood/server-kit";
import type { Request } from "express";

/**
 * The Notification API's route mounter: bearer routes authenticate through the User API (server-kit's
 * authenticator); nothing here is idempotent-keyed or cached, so no hooks.
 */
export const createMount = (authenticate: (req: Request) => Promise<AuthenticatedCaller>) =>
  createRouteMounter(authenticate);

export type Mount = ReturnType<typeof createMount>;
