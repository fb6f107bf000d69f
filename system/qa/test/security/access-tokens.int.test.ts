import { scopesForRole } from "@sharehood/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Service } from "../../src/routes.ts";
import {
  BEARER_ROUTES,
  createAccessToken,
  inPool,
  mismatch,
  ownerRoleOf,
  scopeExpectations,
  SCOPES,
  tryRoute,
} from "../../src/security/scope-matrix.ts";
import { SecurityWorld, type Actor } from "../../src/security/world.ts";
import { startStack, type TestStack } from "../../src/stack.ts";

// Personal access tokens in the security matrix: every scope against every bearer route of the
// three APIs (expectations from the contract), and a revoked or expired token refused everywhere.

let stack: TestStack;
let world: SecurityWorld;
let alice: Actor;
/** A token of alice's that expires a few seconds after start-up, once used on every service. */
let expiring: { token: string; expiresAt: number };

/** One call per service that validates the token there (a 403 too: the validation is cached first). */
const PROBES: [Service, string, string][] = [
  ["users", "GET", "/users/me"],
  ["inventory", "GET", "/loans"],
  ["notifications", "GET", "/notifications/unread-count"],
];
const probe = (token: string) =>
  Promise.all(PROBES.map(([service, method, path]) => world.call(service, method, path, { token })));
const statuses = async (token: string) => (await probe(token)).map((res) => res.status);

beforeAll(async () => {
  // A busy machine must not turn a slow validation into a 503 (the fuzz suite's setting too).
  stack = await startStack("security_access_tokens", {
    users: { REGISTER_MAX_PER_IP: "1000" },
    inventory: { USER_API_TIMEOUT_MS: "15000" },
    notifications: { USER_API_TIMEOUT_MS: "15000" },
  });
  world = new SecurityWorld(stack, "tokens");
  await world.setUp();
  alice = world.actor("alice");
  const expiresAt = Date.now() + 4_000;
  const made = await createAccessToken(world, alice, ["loans:read"], new Date(expiresAt).toISOString());
  expiring = { token: made.token, expiresAt };
  expect(await statuses(made.token)).toEqual([200, 200, 403]);
});
afterAll(() => stack.close());

describe("personal access tokens can do what their scope grants and nothing more, on every bearer route", () => {
  it("reads each route's permission from the contract: every bearer route but GET /users/me declares one", () => {
    const open = BEARER_ROUTES.filter((r) => r.route.permission === undefined).map((r) => r.name);
    expect(open).toEqual(["getMe"]);
  });

  for (const scope of SCOPES) {
    const role = ownerRoleOf(scope);
    it(`a token holding only "${scope}" (owned by ${role === "admin" ? "an admin" : "a plain user"}) is refused with 403 exactly where it lacks the route's permission`, async () => {
      const owner = world.actor(role === "admin" ? "admin" : "alice");
      const { token } = await createAccessToken(world, owner, [scope]);
      const expectations = scopeExpectations(scope, role);
      // Every scope opens some route besides /users/me, and none opens everything.
      expect(expectations.filter((e) => e.granted && e.permission).length).toBeGreaterThan(0);
      expect(expectations.filter((e) => !e.granted).length).toBeGreaterThan(0);
      const answers = await inPool(expectations, 8, (expected) => tryRoute(world, expected.named, token));
      const wrong = expectations.flatMap((expected, i) => mismatch(expected, answers[i]!) ?? []);
      expect(wrong).toEqual([]);
    });
  }
});

describe("a personal access token stops working everywhere", () => {
  it("is refused with 401 by all three services within a second of its revocation", async () => {
    const { id, token } = await createAccessToken(world, alice, scopesForRole("user"));
    expect(await statuses(token)).toEqual([200, 200, 403]); // validated (and cached) everywhere
    await world.ok("users", "DELETE", `/users/me/tokens/${id}`, { token: await world.live(alice) });
    await expect.poll(() => statuses(token), { timeout: 1_000, interval: 20 }).toEqual([401, 401, 401]);
  });

  it("is refused with 401 by all three services within a second of its expiry", async () => {
    await expect
      .poll(() => statuses(expiring.token), {
        timeout: Math.max(0, expiring.expiresAt - Date.now()) + 1_000,
        interval: 50,
      })
      .toEqual([401, 401, 401]);
  });

  it("saw only responses with the security headers and without password hashes", () => {
    expect(world.recorder.violations).toEqual([]);
  });
});
