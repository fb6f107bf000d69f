import { FORBIDDEN, notAdmin, type RouteSpec } from "./cells.ts";
import type { SecurityWorld } from "./world.ts";
import { createAccessToken } from "./scope-matrix.ts";

// Personal access tokens (issue 18): a person's own tokens, made and revoked with a signed-in
// session. What a token itself may do, route by route, is the scope matrix's
// (access-tokens.int.test.ts): no scope grants account.manage, so a token never manages tokens.

const NOT_FOUND = [404, "not_found"] as const;

export const ACCESS_TOKEN_SPECS: Record<string, RouteSpec> = {
  createAccessToken: {
    rightful: "alice",
    prepare: () => Promise.resolve({ params: {}, body: { name: "matrix", scopes: ["loans:read"] } }),
    cells: {
      otherUser: {
        notApplicable: "makes a token for the caller only: the route and its body name no user to aim at",
      },
      plainUserOnAdminRoute: {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave, a plain user, asks for a token with the admin scope",
        request: () => ({ body: { name: "escalate", scopes: ["admin"] } }),
      },
    },
  },
  revokeAccessToken: {
    rightful: "alice",
    prepare: async (world: SecurityWorld) => {
      const { id } = await createAccessToken(world, world.actor("alice"), ["loans:read"]);
      return { params: { id } };
    },
    cells: {
      // 404, not 403: nobody learns that someone else's token id exists.
      otherUser: { expect: NOT_FOUND, as: "bob", attempt: "bob revokes alice's token" },
      plainUserOnAdminRoute: notAdmin("everyone revokes their own tokens"),
    },
  },
};
