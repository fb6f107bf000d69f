import { ALL_ROUTES, multipartOf } from "../routes.ts";
import { FORBIDDEN, notAdmin, type Cell, type RouteSpec } from "./cells.ts";
import { pngUpload, type SecurityWorld } from "./world.ts";

// The User API's writes of issue 16: a person's own avatar, and suspension (admins only). A
// suspended account's tokens are refused everywhere with 403 account_suspended, its own attempt to
// lift the suspension included.

const SUSPENDED = [403, "account_suspended"] as const;

/** The avatar upload's form field, from the contract. */
export function avatarField(): string {
  const route = ALL_ROUTES.find((r) => r.name === "uploadAvatar")?.route;
  return (route && multipartOf(route)?.field) ?? "photo";
}

/** The avatar routes act on the caller's own profile: nobody else's can be named. */
const ownAvatarCells = (what: string): RouteSpec["cells"] => ({
  otherUser: {
    notApplicable: `${what} the caller's own avatar only: the route names no user to aim at`,
  },
  plainUserOnAdminRoute: notAdmin("everyone manages their own avatar"),
});

/** A throwaway the admin suspended, and the token they held when it happened. */
async function suspendedPerson(world: SecurityWorld): Promise<{ id: string; token: string }> {
  const person = await world.newActor("suspended");
  await world.suspend(person);
  return { id: person.id, token: person.token };
}

const suspendedHolder = (attempt: string): Cell => ({
  expect: SUSPENDED,
  attempt,
  noBearer: true,
  request: (_w, p) => ({
    params: { id: p.tokens?.suspendedId ?? "" },
    headers: { authorization: `Bearer ${p.tokens?.suspendedToken ?? ""}` },
  }),
});

export const PROFILE_SPECS: Record<string, RouteSpec> = {
  // A throwaway's avatar, as for the rename in PATCH /users/me: a new avatar reaches the other
  // services' copies of the person, which would change their databases in later tests.
  uploadAvatar: {
    rightful: "throwaway",
    prepare: async (world) => ({
      params: {},
      actor: await world.newActor("avatar"),
      rawBody: pngUpload(avatarField()),
    }),
    cells: ownAvatarCells("sets"),
  },
  deleteAvatar: {
    rightful: "throwaway",
    prepare: async (world) => {
      const actor = await world.newActor("avatar");
      // Something to remove, so the rightful call changes the database.
      await world.avatar(actor, avatarField());
      return { params: {}, actor };
    },
    cells: ownAvatarCells("removes"),
  },
  suspendUser: {
    rightful: "admin",
    prepare: async (world) => {
      const target = await world.newActor("suspendee");
      const other = await suspendedPerson(world);
      return {
        params: { id: target.id },
        body: { reason: "Listed prohibited items" },
        tokens: { suspendedId: other.id, suspendedToken: other.token },
      };
    },
    cells: {
      otherUser: {
        expect: FORBIDDEN,
        as: "bob",
        attempt: "bob suspends alice",
        request: (world) => ({ params: { id: world.actor("alice").id } }),
      },
      plainUserOnAdminRoute: { expect: FORBIDDEN, as: "dave", attempt: "dave suspends another user" },
    },
    extra: [
      {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave suspends the admin",
        request: (world) => ({ params: { id: world.actor("admin").id } }),
      },
      suspendedHolder("a suspended person, with the token they held, suspends someone else"),
    ],
  },
  unsuspendUser: {
    rightful: "admin",
    prepare: async (world) => {
      const person = await suspendedPerson(world);
      return {
        params: { id: person.id },
        body: { reason: "Cleared after review" },
        tokens: { suspendedId: person.id, suspendedToken: person.token },
      };
    },
    cells: {
      otherUser: {
        expect: FORBIDDEN,
        as: "bob",
        attempt: "bob lifts another person's suspension",
      },
      plainUserOnAdminRoute: {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave, without the admin's user.suspend, lifts a suspension",
      },
    },
    extra: [suspendedHolder("the suspended person lifts their own suspension with the token they held")],
  },
};
