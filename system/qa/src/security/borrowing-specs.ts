import { FORBIDDEN, INVALID, type RouteSpec } from "./cells.ts";
import { inDays, type SecurityWorld } from "./world.ts";

// The Inventory API's writes of issue 17: a loan's extension (asked and withdrawn by its borrower,
// answered by its owner; nobody else, admins included) and one's own calendar feed (a bearer's own
// row: there is no one else's to name).

/** An approved loan of a new item of alice's that bob borrows, with bob's extension pending. */
async function pendingExtension(world: SecurityWorld): Promise<{ id: string }> {
  const loan = await world.loan(world.actor("alice"), world.actor("bob"), "approved");
  await world.ok("inventory", "POST", `/loans/${loan.id}/extension`, {
    token: await world.live(world.actor("bob")),
    body: { endDate: inDays(8) },
  });
  return { id: loan.id };
}

/** An extension answer only the loan's owner gives. */
const ownersAnswer = (attempt: string): RouteSpec => ({
  rightful: "alice",
  prepare: async (world) => ({ params: { id: (await pendingExtension(world)).id } }),
  cells: {
    otherUser: { expect: FORBIDDEN, as: "bob", attempt: `bob, the borrower, ${attempt} his own extension` },
    plainUserOnAdminRoute: {
      notApplicable:
        "owner-only: no permission lets anyone else answer (an admin is refused too, see the extra case)",
    },
  },
  extra: [
    { expect: FORBIDDEN, as: "carol", attempt: `carol, a stranger, ${attempt} it` },
    { expect: FORBIDDEN, as: "admin", attempt: `an admin who is not the owner ${attempt} it` },
  ],
});

/** Calendar feed routes act on the caller's own feed: no other person's can be named. */
const ownFeed = (what: string): RouteSpec => ({
  rightful: "alice",
  prepare: () => Promise.resolve({ params: {} }),
  cells: {
    otherUser: { notApplicable: `${what} the caller's own feed: the request names no one else's` },
    plainUserOnAdminRoute: { notApplicable: "every signed-in person has a feed of their own" },
  },
});

export const BORROWING_SPECS: Record<string, RouteSpec> = {
  requestExtension: {
    rightful: "bob",
    prepare: async (world) => {
      const loan = await world.loan(world.actor("alice"), world.actor("bob"), "approved");
      return { params: { id: loan.id }, body: { endDate: inDays(7) } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "alice", attempt: "alice, the owner, extends bob's loan herself" },
      plainUserOnAdminRoute: {
        notApplicable:
          "the borrower's own request: no permission lets anyone else ask (an admin is refused too)",
      },
    },
    extra: [
      { expect: FORBIDDEN, as: "carol", attempt: "carol, a stranger, asks to extend bob's loan" },
      { expect: FORBIDDEN, as: "admin", attempt: "an admin, outside the loan, asks to extend it" },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob's extension body also sets its status and the loan's owner (status, ownerId)",
        request: (world, p) => ({
          body: { ...(p.body as object), status: "approved", ownerId: world.actor("bob").id },
        }),
      },
    ],
  },
  approveExtension: ownersAnswer("approves"),
  declineExtension: ownersAnswer("declines"),
  cancelExtension: {
    rightful: "bob",
    prepare: async (world) => ({ params: { id: (await pendingExtension(world)).id } }),
    cells: {
      otherUser: { expect: FORBIDDEN, as: "carol", attempt: "carol, a stranger, withdraws bob's extension" },
      plainUserOnAdminRoute: {
        notApplicable: "the borrower's own request: no permission lets anyone else withdraw it",
      },
    },
    extra: [{ expect: FORBIDDEN, as: "admin", attempt: "an admin, outside the loan, withdraws it" }],
  },
  createCalendarFeed: ownFeed("makes a new address for"),
  deleteCalendarFeed: ownFeed("turns off"),
};
