import { FORBIDDEN, INVALID, notAdmin, type RouteSpec } from "./cells.ts";
import { asHolder, NOT_FOUND, questionThread } from "./conversation-specs.ts";
import type { SecurityWorld } from "./world.ts";

// The Inventory API's writes of issue 16: reviews (the loan's two sides only; a reply by the
// reviewed person only), saved items (one's own list), reports (anyone signed in) and their
// resolution (admins only). A review not yet revealed, and an item moderators hid, do not exist for
// anyone who may not see them: 404.

/** Forgetting what one never saved: 204, and nothing changes. */
const SILENT_NO_OP = [204] as const;

/** A returned loan of a new item of alice's that bob borrowed. */
const returnedLoan = (world: SecurityWorld) =>
  world.loan(world.actor("alice"), world.actor("bob"), "returned");

/** alice's answer to a message of dave's about one of her items: a message carol is outside of. */
async function alicesMessage(world: SecurityWorld): Promise<string> {
  const { conversationId } = await questionThread(world, world.actor("dave"));
  const message = await world.ok("inventory", "POST", `/conversations/${conversationId}/messages`, {
    token: await world.live(world.actor("alice")),
    body: { body: "Yes, it is free next week." },
  });
  return String(message.id);
}

export const TRUST_SPECS: Record<string, RouteSpec> = {
  createReview: {
    rightful: "bob",
    prepare: async (world) => {
      const loan = await returnedLoan(world);
      return { params: { id: loan.id }, body: { rating: 4, body: "Easy pick-up, worked perfectly." } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "carol", attempt: "carol, outside the loan, reviews it" },
      plainUserOnAdminRoute: {
        notApplicable:
          "the loan's two sides only: no permission lets anyone else review it (an admin is refused too, see the extra case)",
      },
    },
    extra: [
      { expect: FORBIDDEN, as: "admin", attempt: "an admin, outside the loan, reviews it" },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob writes it as alice, about himself, already revealed (authorId, subjectId, revealedAt)",
        request: (world, p) => ({
          body: {
            ...(p.body as object),
            authorId: world.actor("alice").id,
            subjectId: world.actor("bob").id,
            revealedAt: "2000-01-01T00:00:00.000Z",
          },
        }),
      },
    ],
  },
  replyToReview: {
    // Bob's review of alice, revealed (both wrote theirs); and dave's review of alice, still hidden.
    rightful: "alice",
    prepare: async (world) => {
      const alice = world.actor("alice");
      const loan = await returnedLoan(world);
      const bobs = await world.review(world.actor("bob"), loan.id, "Alice was very helpful.");
      await world.review(alice, loan.id, "Bob brought it back clean.");
      const hiddenLoan = await world.loan(alice, world.actor("dave"), "returned");
      const hidden = await world.review(world.actor("dave"), hiddenLoan.id, "Not yet revealed.");
      return { params: { id: bobs }, body: { body: "Thank you, Bob!" }, tokens: { hidden } };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "carol", attempt: "carol answers bob's review of alice" },
      plainUserOnAdminRoute: {
        notApplicable:
          "the reviewed person only: no permission lets anyone else answer (an admin is refused too, see the extra case)",
      },
    },
    extra: [
      { expect: FORBIDDEN, as: "bob", attempt: "bob, its author, answers his own review of alice" },
      { expect: FORBIDDEN, as: "admin", attempt: "an admin answers a review of someone else" },
      {
        expect: NOT_FOUND,
        as: "alice",
        attempt: "alice answers dave's review of her before it is revealed (it does not exist for her yet)",
        request: (_w, p) => ({ params: { id: p.tokens?.hidden ?? "" } }),
      },
    ],
  },
  saveItem: {
    rightful: "bob",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Worth saving");
      const hidden = await world.hiddenItem(world.actor("alice"));
      return { params: { id: item.id }, tokens: { hidden } };
    },
    cells: {
      otherUser: {
        notApplicable: "saves to the caller's own list only: the route names the item, never whose list",
      },
      plainUserOnAdminRoute: notAdmin("everyone may save items"),
    },
    extra: [
      {
        expect: NOT_FOUND,
        as: "bob",
        attempt: "bob saves an item moderators hid (it does not exist for him)",
        request: (_w, p) => ({ params: { id: p.tokens?.hidden ?? "" } }),
      },
    ],
  },
  unsaveItem: {
    rightful: "bob",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Saved by bob");
      await world.ok("inventory", "PUT", `/items/${item.id}/favourite`, {
        token: await world.live(world.actor("bob")),
      });
      return { params: { id: item.id } };
    },
    cells: {
      otherUser: {
        expect: SILENT_NO_OP,
        as: "carol",
        attempt: "carol forgets the item bob saved: her own list has no such entry, his keeps it",
      },
      plainUserOnAdminRoute: notAdmin("everyone manages their own saved items"),
    },
  },
  createReport: {
    rightful: "bob",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Reported listing");
      return {
        params: {},
        body: {
          subjectType: "item",
          subjectId: item.id,
          reason: "prohibited_item",
          details: "Looks unsafe.",
        },
        tokens: { message: await alicesMessage(world) },
      };
    },
    cells: {
      otherUser: {
        expect: INVALID,
        as: "bob",
        attempt: "bob files the report in carol's name (reporterId in the body)",
        request: (world, p) => ({ body: { ...(p.body as object), reporterId: world.actor("carol").id } }),
      },
      plainUserOnAdminRoute: notAdmin("anyone signed in may report"),
    },
    extra: [
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob files it already resolved (status and resolution in the body)",
        request: (_w, p) => ({
          body: { ...(p.body as object), status: "resolved", resolution: { action: "dismiss" } },
        }),
      },
      {
        expect: NOT_FOUND,
        as: "carol",
        attempt: "carol reports a message of a thread she is outside of (it does not exist for her)",
        request: (_w, p) => ({
          body: { subjectType: "message", subjectId: p.tokens?.message ?? "", reason: "harassment" },
        }),
      },
    ],
  },
  resolveReport: {
    // The reporter is made for it: being told the report was handled is a notification, and the
    // Notification API's specs count on carol having none.
    rightful: "admin",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Reported, to be judged");
      const reporter = await world.newActor("reporter");
      const report = await world.report(reporter, "item", item.id);
      return {
        params: { id: report },
        body: { action: "dismiss", note: "Nothing wrong with it." },
        tokens: { reporter: reporter.token },
      };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "carol", attempt: "carol resolves someone else's report" },
      plainUserOnAdminRoute: {
        expect: FORBIDDEN,
        as: "dave",
        attempt: "dave, without the admin's report.manage, resolves a report",
      },
    },
    extra: [
      asHolder("reporter", { expect: FORBIDDEN, attempt: "the reporter resolves her own report" }),
      {
        expect: FORBIDDEN,
        as: "alice",
        attempt: "alice, whose item was reported, dismisses the report on it",
      },
    ],
  },
};
