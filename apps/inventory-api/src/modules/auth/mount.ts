import { createRouteMounter, type IdempotentHook } from "@sharehood/server-kit";
import type { PublicCache } from "../public-cache/public-cache.ts";
import type { Authenticate } from "./authenticator.ts";
import type { Caller } from "./caller.ts";

/**
 * The Inventory API's route mounter: bearer routes authenticate through the User API, routes the
 * contract declares `idempotent` go through the service's `Idempotency-Key` store, and writes that
 * declare they invalidate the catalogue empty the public cache (the one place HTTP writes do).
 */
export function createMount(
  authenticate: Authenticate,
  deps: { idempotent: IdempotentHook<Caller>; publicCache: PublicCache },
) {
  return createRouteMounter(authenticate, {
    idempotent: deps.idempotent,
    invalidate: () => deps.publicCache.invalidate(),
  });
}

export type Mount = ReturnType<typeof createMount>;
