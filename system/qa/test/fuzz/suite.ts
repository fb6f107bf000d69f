import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestStack } from "../../src/stack.ts";
import { fuzzService, startFuzzStack } from "../../src/fuzz/fuzz-service.ts";
import { summariseViolations } from "../../src/fuzz/run-fuzz.ts";
import { ALL_ROUTES, SERVICES, type Service } from "../../src/routes.ts";

/**
 * The fuzz suite of one API, on a stack of its own (one test file per API, so they run in
 * parallel): every route gets its share of the requests, and nothing answers out of contract.
 */
export function fuzzSuite(service: Service, title: string): void {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startFuzzStack(`fuzz_${service}`);
  });
  afterAll(() => stack.close());

  describe(`fuzzing the ${title} from its contract`, () => {
    it("answers every generated request without a 5xx, with problem+json errors and no leaks, and stays healthy", async () => {
      const { report, world } = await fuzzService(stack, service);

      // Every route of the table got its share, valid requests included (scaled to FUZZ_REQUESTS).
      const routes = ALL_ROUTES.filter((x) => x.service === service);
      const share = (report.sent * 0.9) / routes.length;
      for (const r of routes) {
        expect
          .soft(report.byRoute[r.name]?.sent, `requests to ${r.name}`)
          .toBeGreaterThanOrEqual(Math.max(1, Math.floor(share / 4)));
        expect
          .soft(report.byRoute[r.name]?.valid, `valid requests to ${r.name}`)
          .toBeGreaterThanOrEqual(Math.max(1, Math.floor(share / 20)));
      }
      expect
        .soft(await world.health())
        .toEqual(
          Object.fromEntries(SERVICES.flatMap((s) => [`${s} /healthz`, `${s} /readyz`].map((k) => [k, 200]))),
        );
      expect(report.violations.length, summariseViolations(report.violations)).toBe(0);
    });
  });
}
