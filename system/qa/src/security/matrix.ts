import { randomBytes } from "node:crypto";
import { itemETag } from "@sharehood/sdk/contract";
import { ALL_ROUTES, multipartOf, type NamedRoute } from "../routes.ts";
import { ACCESS_TOKEN_SPECS } from "./access-token-specs.ts";
import { ACCOUNT_LINK_SPECS } from "./account-link-specs.ts";
import {
  FORBIDDEN,
  forgedAccessToken,
  forgedRefreshToken,
  INVALID,
  notAdmin,
  publicRoute,
  throwaway,
  UNAUTHENTICATED,
  type CaseName,
  type Cell,
  type Prepared,
  type RouteSpec,
} from "./cells.ts";
import { BORROWING_SPECS } from "./borrowing-specs.ts";
import { CONVERSATION_SPECS } from "./conversation-specs.ts";
import { NOTIFICATION_SPECS } from "./notification-specs.ts";
import { PROFILE_SPECS } from "./profile-specs.ts";
import { TRUST_SPECS } from "./trust-specs.ts";
import { WEBHOOK_SPECS } from "./webhook-specs.ts";
import { inDays, newItemBody, pngUpload, type CallOptions, type SecurityWorld } from "./world.ts";

export {
  CASES,
  CASE_TEXT,
  type CaseName,
  type Cell,
  type Prepared,
  type RouteSpec,
  type Who,
} from "./cells.ts";

/** An item of alice's, the body to replace it, If-Match with its version. */
async function aliceItem(world: SecurityWorld, body?: unknown): Promise<Prepared> {
  const item = await world.createItem(world.actor("alice"));
  return { params: { id: item.id }, body, headers: { "if-match": itemETag(item) } };
}

/** Item routes: bob (another user) and dave (a plain user without item.*.any) are refused with 403. */
const itemCells: RouteSpec["cells"] = {
  otherUser: { expect: FORBIDDEN, as: "bob", attempt: "bob changes alice's item" },
  plainUserOnAdminRoute: {
    expect: FORBIDDEN,
    as: "dave",
    attempt: "dave, without the admin's item.update.any/item.delete.any, changes alice's item",
  },
};

/** Owner-only loan transitions: the borrower, a stranger and even an admin are refused. */
function ownerOnlyTransition(state: "requested" | "approved" | "active"): RouteSpec {
  return {
    rightful: "alice",
    prepare: async (world) => {
      const loan = await world.loan(world.actor("alice"), world.actor("bob"), state);
      return { params: { id: loan.id } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "bob", attempt: "bob, the borrower, acts as the owner" },
      plainUserOnAdminRoute: {
        notApplicable:
          "owner-only: no permission lets anyone else do this (an admin is refused too, see the extra case)",
      },
    },
    extra: [
      { expect: FORBIDDEN, as: "carol", attempt: "carol, a stranger, acts on the loan" },
      { expect: FORBIDDEN, as: "admin", attempt: "an admin who is not the owner acts on the loan" },
    ],
  };
}

/** Every mutating route of the three APIs, by route-table name. A route missing here fails the suite. */
export const SPECS: Record<string, RouteSpec> = {
  register: {
    // anyone, without a token: alice's name only supplies token material the public route ignores
    rightful: "alice",
    prepare: () =>
      Promise.resolve({
        params: {},
        body: {
          email: `sec-new-${randomBytes(4).toString("hex")}@example.com`,
          password: "a-long-password",
          name: "New",
        },
      }),
    cells: {
      noToken: publicRoute("anyone may open an account"),
      expired: publicRoute("no token is read"),
      forged: publicRoute("no token is read"),
      revoked: publicRoute("no token is read"),
      otherUser: {
        expect: [409, "conflict"],
        attempt: "someone registers alice's email in other case (account takeover)",
        request: (world, p) => ({
          body: { ...(p.body as object), email: world.actor("alice").email.toUpperCase() },
        }),
      },
      plainUserOnAdminRoute: {
        expect: INVALID,
        attempt: "a new user asks for role admin in the register body",
        request: (_w, p) => ({ body: { ...(p.body as object), role: "admin" } }),
      },
    },
    extra: [
      {
        expect: INVALID,
        attempt: "the register body sets id and passwordHash",
        request: (world, p) => ({
          body: { ...(p.body as object), id: world.actor("alice").id, passwordHash: "x" },
        }),
      },
    ],
  },
  login: {
    rightful: "alice",
    prepare: (world) =>
      Promise.resolve({
        params: {},
        body: { email: world.actor("alice").email, password: world.actor("alice").password },
      }),
    cells: {
      noToken: publicRoute("signing in is how one gets a token"),
      expired: publicRoute("no token is read"),
      forged: publicRoute("no token is read"),
      revoked: publicRoute("no token is read"),
      otherUser: {
        expect: UNAUTHENTICATED,
        attempt: "bob signs in as alice with his own password",
        request: (world) => ({
          body: { email: world.actor("alice").email, password: world.actor("bob").password + "x" },
        }),
      },
      plainUserOnAdminRoute: {
        expect: UNAUTHENTICATED,
        attempt: "a user guesses the admin's password",
        request: () => ({ body: { email: "admin@example.com", password: "password123" } }),
      },
    },
    extra: [
      {
        expect: UNAUTHENTICATED,
        attempt: "an unknown email gets the same 401",
        request: () => ({ body: { email: "nobody-here@example.com", password: "whatever-1" } }),
      },
    ],
  },
  refresh: {
    rightful: "throwaway",
    prepare: async (world) => {
      const actor = await world.newActor("refresher");
      return { params: {}, body: { refreshToken: actor.refreshToken }, actor };
    },
    cells: {
      noToken: {
        expect: INVALID,
        attempt: "no refresh token in the body",
        noBearer: true,
        request: () => ({ body: {} }),
      },
      expired: {
        expect: UNAUTHENTICATED,
        attempt: "an expired refresh token",
        noBearer: true,
        request: (_w, p) => ({ body: { refreshToken: p.actor?.refreshToken } }),
      },
      forged: {
        expect: UNAUTHENTICATED,
        attempt: "a forged refresh token",
        noBearer: true,
        request: () => ({ body: { refreshToken: forgedRefreshToken() } }),
      },
      revoked: {
        expect: UNAUTHENTICATED,
        attempt: "the refresh token of a logged-out session",
        noBearer: true,
        request: (_w, p) => ({ body: { refreshToken: p.actor?.revokedRefreshToken } }),
      },
      otherUser: {
        expect: UNAUTHENTICATED,
        attempt: "another user's access token presented as a refresh token",
        noBearer: true,
        request: (world) => ({ body: { refreshToken: world.actor("bob").token } }),
      },
      plainUserOnAdminRoute: {
        notApplicable: "not an admin route: the refresh token alone names the session",
      },
    },
  },
  logout: {
    rightful: "throwaway",
    prepare: throwaway,
    cells: {
      otherUser: {
        notApplicable: "ends the caller's own session only: the route names no session or user to aim at",
      },
      plainUserOnAdminRoute: notAdmin("every signed-in user may sign out"),
    },
  },
  validateToken: {
    rightful: "alice",
    mutates: false,
    prepare: (world) => Promise.resolve({ params: {}, body: { token: world.actor("alice").token } }),
    cells: {
      noToken: {
        expect: INVALID,
        attempt: "no token in the body",
        noBearer: true,
        request: () => ({ body: {} }),
      },
      expired: {
        expect: UNAUTHENTICATED,
        attempt: "an expired access token",
        noBearer: true,
        request: (_w, p) => ({ body: { token: p.actor?.token } }),
      },
      forged: {
        expect: UNAUTHENTICATED,
        attempt: "a forged access token",
        noBearer: true,
        request: () => ({ body: { token: forgedAccessToken() } }),
      },
      revoked: {
        expect: UNAUTHENTICATED,
        attempt: "a logged-out access token",
        noBearer: true,
        request: (world) => ({ body: { token: world.actor("alice").revokedToken } }),
      },
      otherUser: {
        expect: UNAUTHENTICATED,
        attempt: "a refresh token presented as an access token",
        noBearer: true,
        request: (world) => ({ body: { token: world.actor("bob").refreshToken } }),
      },
      plainUserOnAdminRoute: { notApplicable: "not an admin route: services ask it about any token" },
    },
  },
  updateMe: {
    rightful: "throwaway",
    prepare: async (world) => ({ ...(await throwaway(world)), body: { name: "Renamed" } }),
    cells: {
      otherUser: {
        expect: INVALID,
        as: "bob",
        attempt: "bob names alice's id in his profile update",
        request: (world) => ({ body: { id: world.actor("alice").id, name: "Mallory" } }),
      },
      plainUserOnAdminRoute: {
        expect: INVALID,
        as: "dave",
        attempt: "dave gives himself role admin through PATCH /users/me",
        request: () => ({ body: { role: "admin" } }),
      },
    },
    extra: [
      {
        expect: [409, "conflict"],
        as: "bob",
        attempt: "bob takes alice's email",
        request: (world) => ({
          body: { email: world.actor("alice").email, currentPassword: world.actor("bob").password },
        }),
      },
      {
        expect: INVALID,
        as: "bob",
        attempt: "someone holding bob's session moves his account to another email without his password",
        request: () => ({ body: { email: "hijacked@example.com" } }),
      },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob changes his password without the current one",
        request: () => ({ body: { password: "new-password-1", currentPassword: "wrong-password" } }),
      },
    ],
  },
  deleteMe: {
    rightful: "throwaway",
    prepare: throwaway,
    cells: {
      otherUser: {
        notApplicable: "deletes the caller's own account only: the route names no user to aim at",
      },
      plainUserOnAdminRoute: notAdmin("every user may delete their own account"),
    },
    extra: [
      {
        expect: INVALID,
        as: "bob",
        attempt: "someone holding bob's session deletes his account with a wrong password",
        request: () => ({ body: { currentPassword: "not-bobs-password" } }),
      },
    ],
  },
  updateRole: {
    rightful: "admin",
    prepare: async (world) => {
      const target = await world.newActor("promotee");
      return { params: { id: target.id }, body: { role: "admin" } };
    },
    cells: {
      otherUser: {
        expect: FORBIDDEN,
        as: "bob",
        attempt: "bob promotes himself",
        request: (world) => ({ params: { id: world.actor("bob").id } }),
      },
      plainUserOnAdminRoute: { expect: FORBIDDEN, as: "dave", attempt: "dave promotes another user" },
    },
    extra: [
      {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave demotes the admin",
        request: (world) => ({ params: { id: world.actor("admin").id }, body: { role: "user" } }),
      },
    ],
  },
  deleteUser: {
    rightful: "admin",
    prepare: async (world) => ({ params: { id: (await world.newActor("deletee")).id } }),
    cells: {
      otherUser: {
        expect: FORBIDDEN,
        as: "bob",
        attempt: "bob deletes alice",
        request: (world) => ({ params: { id: world.actor("alice").id } }),
      },
      plainUserOnAdminRoute: { expect: FORBIDDEN, as: "dave", attempt: "dave deletes another user" },
    },
    extra: [
      {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave asks to delete a user who does not exist (403 before 404: no probing)",
        request: () => ({ params: { id: "no-such-user" } }),
      },
    ],
  },

  createItem: {
    rightful: "alice",
    prepare: () => Promise.resolve({ params: {}, body: newItemBody("A brand new listing") }),
    cells: {
      otherUser: {
        expect: INVALID,
        as: "bob",
        attempt: "bob lists an item in alice's name (ownerId in the body)",
        request: (world, p) => ({ body: { ...(p.body as object), ownerId: world.actor("alice").id } }),
      },
      plainUserOnAdminRoute: notAdmin("every user may list items"),
    },
    extra: [
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob sets id, version and timestamps in the body",
        request: (_w, p) => ({
          body: {
            ...(p.body as object),
            id: "chosen-id",
            version: 99,
            createdAt: "2000-01-01T00:00:00.000Z",
          },
        }),
      },
    ],
  },
  replaceItem: {
    rightful: "alice",
    prepare: (world) => aliceItem(world, newItemBody("Replaced title")),
    cells: itemCells,
  },
  updateItem: {
    rightful: "alice",
    prepare: (world) => aliceItem(world, { title: "Edited title" }),
    cells: itemCells,
    extra: [
      {
        expect: INVALID,
        as: "alice",
        attempt: "the owner hands the item to bob through the body (ownerId)",
        request: (world) => ({ body: { ownerId: world.actor("bob").id } }),
      },
    ],
  },
  deleteItem: {
    rightful: "alice",
    prepare: (world) => aliceItem(world),
    cells: itemCells,
  },
  uploadPhotos: {
    rightful: "alice",
    prepare: async (world) => {
      const p = await aliceItem(world);
      return { params: p.params, rawBody: pngUpload(photoField(world, "uploadPhotos")) };
    },
    cells: itemCells,
  },
  deletePhoto: {
    rightful: "alice",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "With a photo");
      const [photoId] = await world.photos(
        world.actor("alice"),
        item.id,
        1,
        photoField(world, "uploadPhotos"),
      );
      return { params: { id: item.id, photoId: photoId ?? "missing" } };
    },
    cells: itemCells,
  },
  reorderPhotos: {
    rightful: "alice",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "With photos");
      const ids = await world.photos(world.actor("alice"), item.id, 2, photoField(world, "uploadPhotos"));
      return { params: { id: item.id }, body: { photoIds: [...ids].reverse() } };
    },
    cells: itemCells,
  },
  requestLoan: {
    rightful: "bob",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Borrow me");
      return { params: { id: item.id }, body: { startDate: inDays(10), endDate: inDays(12) } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "alice", attempt: "alice, the owner, borrows her own item" },
      plainUserOnAdminRoute: notAdmin("every user may ask to borrow"),
    },
    extra: [
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob asks for a loan that is already approved (status in the body)",
        request: (_w, p) => ({ body: { ...(p.body as object), status: "approved" } }),
      },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob books carol as the borrower (borrowerId in the body)",
        request: (world, p) => ({ body: { ...(p.body as object), borrowerId: world.actor("carol").id } }),
      },
    ],
  },
  approveLoan: ownerOnlyTransition("requested"),
  declineLoan: ownerOnlyTransition("requested"),
  handoverLoan: ownerOnlyTransition("approved"),
  returnLoan: ownerOnlyTransition("active"),
  cancelLoan: {
    rightful: "bob",
    prepare: async (world) => {
      const loan = await world.loan(world.actor("alice"), world.actor("bob"), "requested");
      return { params: { id: loan.id } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "carol", attempt: "carol cancels bob's request" },
      plainUserOnAdminRoute: {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave, without the admin's loan.cancel.any, cancels bob's request",
      },
    },
  },
  ...CONVERSATION_SPECS,
  ...PROFILE_SPECS,
  ...TRUST_SPECS,
  ...BORROWING_SPECS,
  ...ACCOUNT_LINK_SPECS,
  ...ACCESS_TOKEN_SPECS,
  ...WEBHOOK_SPECS,
  ...NOTIFICATION_SPECS,
};

/** The form field of an upload route, from the contract. */
function photoField(_world: SecurityWorld, routeName: string): string {
  const route = ALL_ROUTES.find((r) => r.name === routeName)?.route;
  return (route && multipartOf(route)?.field) ?? "photo";
}

/** The cell of a case for a route: the spec's, or the default refusal for token cases of bearer routes. */
export function cellFor(named: NamedRoute, spec: RouteSpec, name: CaseName): Cell | undefined {
  const explicit = spec.cells[name];
  if (explicit) return explicit;
  if (named.route.auth === "bearer" && ["noToken", "expired", "forged", "revoked"].includes(name))
    return { expect: UNAUTHENTICATED };
  return undefined;
}

/** The options of the request a cell sends. */
export async function requestOf(
  world: SecurityWorld,
  cell: Extract<Cell, { expect: unknown }>,
  prepared: Prepared,
  token: string | undefined,
): Promise<{ params: Record<string, string>; query?: Record<string, string>; options: CallOptions }> {
  const override = cell.request ? await cell.request(world, prepared) : {};
  const merged = { ...prepared, ...override, params: { ...prepared.params, ...override.params } };
  return {
    params: merged.params,
    query: merged.query,
    options: {
      token: cell.noBearer ? undefined : token,
      body: merged.rawBody ? undefined : merged.body,
      rawBody: merged.rawBody,
      headers: merged.headers,
    },
  };
}
