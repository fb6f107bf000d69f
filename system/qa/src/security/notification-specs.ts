import { randomBytes } from "node:crypto";
import { INVALID, notAdmin, type Cell, type Prepared, type RouteSpec } from "./cells.ts";
import type { ActorName, SecurityWorld } from "./world.ts";

// The Notification API's writes. Its data changes on its own while the other APIs' events arrive,
// so each `prepare` ends with `settle`: the refusals then compare it before and after.

/** Marking someone else's notifications is not refused: the API answers 204 and marks none. */
const SILENT_NO_OP = [204] as const;

const b64 = (text: string) => Buffer.from(text).toString("base64url");
const unb64 = (text: string) => Buffer.from(text, "base64url").toString("utf8");

/** A link's token cut into what it signs and its signature. */
function parts(token: string): { payload: string; signature: string } {
  const [payload = "", signature = ""] = token.split(".");
  return { payload, signature };
}

/** The link's token with its signed part rewritten (`edit` gets it decoded), the signature kept. */
function altered(token: string, edit: (payload: string) => string): string {
  const { payload, signature } = parts(token);
  const before = unb64(payload);
  const after = edit(before);
  // The cell would test nothing if the token stopped saying this in clear: fail loudly instead.
  if (after === before) throw new Error(`the unsubscribe token's signed part changed shape: ${before}`);
  return `${b64(after)}.${signature}`;
}

const linkCell = (attempt: string, token: (world: SecurityWorld, prepared: Prepared) => string): Cell => ({
  expect: INVALID,
  attempt,
  request: (world, prepared) => ({ query: { token: token(world, prepared) } }),
});

/**
 * One-click unsubscribe, by the signed link of an email `owner` got about a request of `borrower`'s:
 * the link is the only credential, so every cell tampers with it, and none may switch anything off.
 */
function unsubscribeSpec(owner: ActorName, borrower: ActorName): RouteSpec {
  const link = (p: Prepared) => p.tokens?.link ?? "";
  return {
    rightful: owner,
    prepare: async (world) => {
      await world.loan(world.actor(owner), world.actor(borrower), "requested");
      const token = await world.unsubscribeToken(world.actor(owner), /^New request/);
      await world.settle();
      return { params: {}, query: { token }, tokens: { link: token } };
    },
    cells: {
      noToken: { expect: INVALID, attempt: "no token in the link", request: () => ({ query: {} }) },
      expired: {
        notApplicable:
          "an unsubscribe link does not expire: an old email's link must still work (RFC 8058); no session is read",
      },
      forged: linkCell("the link's signed part with a made-up signature", (_w, p) => {
        return `${parts(link(p)).payload}.${randomBytes(16).toString("base64url")}`;
      }),
      revoked: {
        notApplicable: "no session: the signed link alone says who and which kind, nothing revokes it",
      },
      otherUser: linkCell(`${owner}'s link re-addressed to ${borrower}, signature kept`, (world, p) =>
        altered(link(p), (signed) => signed.replace(world.actor(owner).id, world.actor(borrower).id)),
      ),
      plainUserOnAdminRoute: notAdmin("the signed link alone says who and which kind"),
    },
    extra: [
      linkCell(`${owner}'s link for another kind of email, signature kept`, (_w, p) =>
        altered(link(p), (signed) => signed.replace("loan.requested", "loan.approved")),
      ),
      linkCell("the signature alone", (_w, p) => parts(link(p)).signature),
      linkCell("the link with a third part", (_w, p) => `${link(p)}.${b64("x")}`),
      linkCell("a link cut short", (_w, p) => link(p).slice(0, -4)),
      linkCell("an over-long token", (_w, p) => link(p).padEnd(600, "A")),
      linkCell("bytes that are not base64url", () => "\u0000%ZZ..\uFFFF"),
      linkCell(`${borrower}'s access token`, (world) => world.actor(borrower).token),
    ],
  };
}

export const NOTIFICATION_SPECS: Record<string, RouteSpec> = {
  markRead: {
    rightful: "alice",
    prepare: async (world) => {
      const alice = world.actor("alice");
      const unread = await world.ok("notifications", "GET", "/notifications/unread-count", {
        token: await world.live(alice),
      });
      await world.loan(alice, world.actor("bob"), "requested");
      const id = await world.notified(alice, Number(unread.count) + 1);
      await world.settle();
      return { params: {}, body: { ids: [id] } };
    },
    cells: {
      otherUser: {
        expect: SILENT_NO_OP,
        as: "bob",
        attempt: "bob marks alice's notification read by its id",
      },
      plainUserOnAdminRoute: notAdmin("everyone marks their own notifications read"),
    },
    extra: [
      {
        expect: SILENT_NO_OP,
        as: "carol",
        attempt: "carol, with none of her own unread, marks all read: alice's stay unread",
        request: () => ({ body: {} }),
      },
    ],
  },
  updatePreferences: {
    rightful: "alice",
    prepare: async (world) => {
      await world.settle();
      return { params: {}, body: { kinds: { "loan.returned": { email: true } } } };
    },
    cells: {
      otherUser: {
        expect: INVALID,
        as: "bob",
        attempt: "bob names alice's id in his preferences",
        request: (world, p) => ({ body: { ...(p.body as object), userId: world.actor("alice").id } }),
      },
      plainUserOnAdminRoute: notAdmin("everyone sets their own preferences"),
    },
  },
  unsubscribeLanding: unsubscribeSpec("bob", "alice"),
  unsubscribe: unsubscribeSpec("alice", "bob"),
};
