import { createRouteMounter } from "@sharehood/server-kit";
import type { Authenticate } from "./authenticator.ts";

/** The Inventory API's route mounter: bearer routes authenticate through the User API. */
export function createMount(authenticate: Authenticate) {
  return createRouteMounter(authenticate);
}

export type Mount = ReturnType<typeof createMount>;
