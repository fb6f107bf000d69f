import { createRouteMounter, type IdempotentHook } from "@sharehood/server-kit";
import type { Authenticate } from "./authenticator.ts";
import type { Caller } from "./caller.ts";

/**
 * The Inventory API's route mounter: bearer routes authenticate through the User API, and routes the
 * contract declares `idempotent` go through the service's `Idempotency-Key` store.
 */
export function createMount(authenticate: Authenticate, idempotent: IdempotentHook<Caller>) {
  return createRouteMounter(authenticate, { idempotent });
}

export type Mount = ReturnType<typeof createMount>;
