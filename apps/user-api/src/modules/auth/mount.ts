import type { Request } from "express";
import { bearerToken, createRouteMounter } from "@sharehood/server-kit";
import type { AuthService } from "./auth.service.ts";

/** The User API's route mounter: bearer routes authenticate against this service's own tokens. */
export function createMount(auth: AuthService) {
  return createRouteMounter((req: Request) => auth.authenticate(bearerToken(req)));
}

export type Mount = ReturnType<typeof createMount>;
