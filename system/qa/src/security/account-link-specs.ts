import { randomBytes } from "node:crypto";
import { INVALID, notAdmin, publicRoute, type Cell, type Prepared, type RouteSpec } from "./cells.ts";
import type { Actor, SecurityWorld } from "./world.ts";

// The User API's emailed links: verification and password reset. The links themselves are read
// from the emails the Notification API wrote, as their owner would click them.

const VERIFY = "/verify-email";
const RESET = "/reset-password";

/** A token in the links' format (256 random bits, base64url) that nobody was sent. */
const forgedLinkToken = () => randomBytes(32).toString("base64url");

const notAdminLink: Cell = {
  notApplicable: "not an admin route: the link's token alone names the account",
};
const expiresLater = (what: string): Cell => ({
  notApplicable: `${what}; the User API's account-emails tests move past its expiry (no bearer token is read)`,
});

/** Asks for a reset link for the actor and answers its token, once the email is there. */
async function resetToken(world: SecurityWorld, actor: Actor, used: Set<string>): Promise<string> {
  await world.ok("users", "POST", "/auth/password-reset/request", { body: { email: actor.email } });
  const token = await world.pageToken(actor, RESET, used);
  used.add(token);
  return token;
}

export const ACCOUNT_LINK_SPECS: Record<string, RouteSpec> = {
  requestEmailVerification: {
    rightful: "throwaway",
    prepare: async (world) => ({ params: {}, actor: await world.newActor("unverified") }),
    cells: {
      otherUser: {
        notApplicable: "mails the caller's own address only: the route names no user or address to aim at",
      },
      plainUserOnAdminRoute: notAdmin("every signed-in user may ask for a new link"),
    },
  },
  verifyEmail: {
    rightful: "throwaway",
    prepare: async (world): Promise<Prepared> => {
      const actor = await world.newActor("verifier");
      // A link already used: another account's, clicked once.
      const other = await world.newActor("verified");
      const usedToken = await world.pageToken(other, VERIFY);
      await world.ok("users", "POST", "/auth/verify-email", { body: { token: usedToken } });
      return {
        params: {},
        actor,
        tokens: { used: usedToken },
        body: { token: await world.pageToken(actor, VERIFY) },
      };
    },
    cells: {
      noToken: {
        expect: INVALID,
        attempt: "no token in the body",
        noBearer: true,
        request: () => ({ body: {} }),
      },
      expired: expiresLater("a verification link works for a day"),
      forged: {
        expect: INVALID,
        attempt: "a token nobody was sent",
        noBearer: true,
        request: () => ({ body: { token: forgedLinkToken() } }),
      },
      revoked: {
        expect: INVALID,
        attempt: "a link that was used already",
        noBearer: true,
        request: (_w, p) => ({ body: { token: p.tokens?.used } }),
      },
      otherUser: {
        expect: INVALID,
        attempt: "bob's access token presented as a verification token",
        noBearer: true,
        request: (world) => ({ body: { token: world.actor("bob").token } }),
      },
      plainUserOnAdminRoute: notAdminLink,
    },
  },
  requestPasswordReset: {
    rightful: "throwaway",
    // The answer leaves before the link is made (the same answer, at once, for any address).
    changesLater: true,
    prepare: async (world) => {
      const actor = await world.newActor("forgetful");
      return { params: {}, actor, body: { email: actor.email } };
    },
    cells: {
      noToken: {
        expect: INVALID,
        attempt: "no address in the body",
        noBearer: true,
        request: () => ({ body: {} }),
      },
      expired: publicRoute("no token is read"),
      forged: publicRoute("no token is read"),
      revoked: publicRoute("no token is read"),
      otherUser: {
        notApplicable:
          "anyone may ask for a link for any address: it goes only to that inbox, and the answer is the same whether or not an account has it",
      },
      plainUserOnAdminRoute: notAdmin("anyone may ask for a link"),
    },
    extra: [
      {
        expect: INVALID,
        attempt: "the body names a user id beside the address",
        noBearer: true,
        request: (world, p) => ({ body: { ...(p.body as object), userId: world.actor("alice").id } }),
      },
    ],
  },
  resetPassword: {
    rightful: "throwaway",
    prepare: async (world): Promise<Prepared> => {
      const actor = await world.newActor("resetter");
      const used = new Set<string>();
      // A link that was used: it set a new password (which also retires every other reset link of the account).
      const usedToken = await resetToken(world, actor, used);
      await world.ok("users", "POST", "/auth/password-reset", {
        body: { token: usedToken, password: "a-first-new-password" },
      });
      return {
        params: {},
        actor,
        tokens: { used: usedToken },
        body: { token: await resetToken(world, actor, used), password: "a-second-new-password" },
      };
    },
    cells: {
      noToken: {
        expect: INVALID,
        attempt: "no token in the body",
        noBearer: true,
        request: () => ({ body: { password: "a-third-new-password" } }),
      },
      expired: expiresLater("a reset link works for 30 minutes"),
      forged: {
        expect: INVALID,
        attempt: "a token nobody was sent",
        noBearer: true,
        request: () => ({ body: { token: forgedLinkToken(), password: "a-third-new-password" } }),
      },
      revoked: {
        expect: INVALID,
        attempt: "a link that was used already",
        noBearer: true,
        request: (_w, p) => ({ body: { token: p.tokens?.used, password: "a-third-new-password" } }),
      },
      otherUser: {
        expect: INVALID,
        attempt: "alice's email-verification link used as a password-reset link, to take her account",
        noBearer: true,
        request: async (world) => ({
          body: {
            token: await world.pageToken(world.actor("alice"), VERIFY),
            password: "mallory-was-here",
          },
        }),
      },
      plainUserOnAdminRoute: notAdminLink,
    },
  },
};
