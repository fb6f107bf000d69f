import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../../src/stack.ts";
import { MUTATING_ROUTES, PERSONAL_READS } from "../../src/routes.ts";
import { CASES, SPECS, type Prepared } from "../../src/security/matrix.ts";
import {
  expectRefusal,
  itCoversEveryRoute,
  refusalsOf,
  rightfulActor,
} from "../../src/security/run-matrix.ts";
import { SecurityWorld } from "../../src/security/world.ts";

// Tokens here live two seconds and sessions three: the matrix's "expired token" column runs on this
// stack, with tokens that really expired (no clock or database tampering).
const ACCESS_TTL_SECONDS = 2;
const REFRESH_TTL_SECONDS = 3;

let stack: TestStack;
let world: SecurityWorld;
const prepared = new Map<string, Prepared>();
/** For each personal read, a token of alice's that the route accepted once, since expired. */
const readTokens = new Map<string, string>();

beforeAll(async () => {
  stack = await startStack("security_expiry", {
    users: {
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TTL_SECONDS),
      REFRESH_TOKEN_TTL_SECONDS: String(REFRESH_TTL_SECONDS),
      REGISTER_MAX_PER_IP: "1000",
    },
  });
  world = new SecurityWorld(stack, "expiry");
  await world.setUp();

  // What each route acts on, then a new session of its rightful caller, proven valid once
  // (so a cached validation exists) and never used again until it has expired.
  let lastIssued = 0;
  for (const named of MUTATING_ROUTES) {
    const spec = SPECS[named.name];
    if (!spec || refusalsOf(named, spec, ["expired"]).length === 0) continue;
    const p = await spec.prepare(world);
    const actor = rightfulActor(world, spec, p);
    const session = await world.freshSession(actor);
    const check = await world.call("users", "POST", "/auth/validate-token", {
      body: { token: session.token },
    });
    if (check.status !== 200) throw new Error(`a fresh token was refused: ${check.text}`);
    // The Notification API keeps validations of its own: give it one to keep past the expiry.
    if (named.service === "notifications")
      await world.ok("notifications", "GET", "/notifications/unread-count", { token: session.token });
    prepared.set(named.name, {
      ...p,
      actor: { ...actor, token: session.token, refreshToken: session.refreshToken },
    });
    lastIssued = Date.now();
  }
  for (const named of PERSONAL_READS) {
    const session = await world.freshSession(world.actor("alice"));
    const res = await world.call(named.service, "GET", named.route.path, { token: session.token });
    if (res.status !== 200) throw new Error(`${named.route.path} refused a fresh token: ${res.text}`);
    readTokens.set(named.name, session.token);
    lastIssued = Date.now();
  }
  await new Promise((r) =>
    setTimeout(r, Math.max(0, lastIssued + REFRESH_TTL_SECONDS * 1000 + 500 - Date.now())),
  );
});
afterAll(() => stack.close());

describe("the security matrix, expired tokens: every mutating endpoint refuses a token past its expiry", () => {
  itCoversEveryRoute(MUTATING_ROUTES, CASES);

  for (const named of MUTATING_ROUTES) {
    const spec = SPECS[named.name];
    if (!spec) continue;
    for (const refusal of refusalsOf(named, spec, ["expired"])) {
      it(`${named.route.method} ${named.route.path} ${refusal.title}`, () =>
        expectRefusal(world, named, spec, prepared.get(named.name)!, refusal.name, refusal.cell));
    }
  }

  for (const named of PERSONAL_READS) {
    it(`${named.route.method} ${named.route.path} refuses an expired token it accepted before with 401 unauthenticated`, async () => {
      const res = await world.call(named.service, "GET", named.route.path, {
        token: readTokens.get(named.name),
      });
      expect([res.status, (res.json as { code?: string } | undefined)?.code], res.text.slice(0, 300)).toEqual(
        [401, "unauthenticated"],
      );
    });
  }

  it("saw only responses with the security headers and without password hashes", () => {
    console.log(
      `[security expired] ${world.recorder.seen.length} responses checked; statuses ${JSON.stringify(world.recorder.statuses())}`,
    );
    expect(world.recorder.violations).toEqual([]);
  });
});
