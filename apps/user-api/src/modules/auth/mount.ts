import type { Request } from "express";
import { bearerToken, createRouteMounter } from "@sharehood/server-kit";
import type { AuthService } from "./auth.service.ts";
import type { ClientAddress } from "./client-address.ts";

/** The User API's route mounter: bearer routes authenticate against this service's own tokens. */
export function createMount(auth: AuthService, clientAddress: ClientAddress) {
  return createRouteMounter((req: Request) => auth.authenticate(bearerToken(req), clientAddress(req)));
}

export type Mount = ReturnType<typeof createMount>;
