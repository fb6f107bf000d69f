import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../../src/stack.ts";
import { CASES, SPECS, type Prepared } from "../../src/security/matrix.ts";
import {
  expectRefusal,
  expectRightfulSuccess,
  itCoversEveryRoute,
  matrixTable,
  refusalTitle,
  refusalsOf,
} from "../../src/security/run-matrix.ts";
import { SecurityWorld } from "../../src/security/world.ts";
import { MUTATING_ROUTES, SERVICE_TITLES } from "../../src/routes.ts";

// Expired tokens need a stack with a short token lifetime: see expired-tokens.int.test.ts.
const CASES_HERE = CASES.filter((c) => c !== "expired");

let stack: TestStack;
let world: SecurityWorld;
beforeAll(async () => {
  // The matrix opens a score of accounts from one address; the registration limit is tested elsewhere.
  stack = await startStack("security", { users: { REGISTER_MAX_PER_IP: "1000" } });
  world = new SecurityWorld(stack, "matrix");
  await world.setUp();
});
afterAll(() => stack.close());

describe("the security matrix: every mutating endpoint refuses callers without the right", () => {
  itCoversEveryRoute(MUTATING_ROUTES, CASES);

  for (const named of MUTATING_ROUTES) {
    const spec = SPECS[named.name];
    describe(`${SERVICE_TITLES[named.service]} ${named.route.method} ${named.route.path}`, () => {
      if (!spec) return; // reported by the coverage test above
      let prepared: Prepared;
      beforeAll(async () => {
        prepared = await spec.prepare(world);
      });

      for (const refusal of refusalsOf(named, spec, CASES_HERE)) {
        it(refusal.title, () => expectRefusal(world, named, spec, prepared, refusal.name, refusal.cell));
      }
      for (const cell of spec.extra ?? []) {
        if ("notApplicable" in cell) continue;
        it(refusalTitle(cell.attempt ?? "the extra case", cell), () =>
          expectRefusal(world, named, spec, prepared, "extra", cell),
        );
      }
      it(`lets the rightful caller (${spec.rightful}) do it with ${named.route.status}`, () =>
        expectRightfulSuccess(world, named, spec, prepared));
    });
  }
});

describe("every response the matrix saw", () => {
  it("carried the security headers and no password hash, stack trace or SQL", () => {
    console.log(
      `[security matrix] ${world.recorder.seen.length} responses checked; statuses ${JSON.stringify(world.recorder.statuses())}\n` +
        matrixTable(MUTATING_ROUTES, CASES),
    );
    expect(world.recorder.seen.length).toBeGreaterThan(200);
    expect(world.recorder.violations).toEqual([]);
  });
});
