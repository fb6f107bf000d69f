// Shared vitest settings. Integration tests hit real PostgreSQL and Redis, so timeouts are generous;
// each file gets its own database, so files can run in parallel. Vitest runs one fewer file at a
// time than there are cores: one at a time on these two-core machines. A suite whose files mostly
// wait on the services and assert no timing asks for two (`maxWorkers: 2`: the QA suites).
// Under CI a JSON report is written too, so .ci/run can print one "N passed, N failed" line.
//
// Two tiers, by file name: `*.int.test.ts` needs services (PostgreSQL, Redis, the apps running),
// every other `*.test.ts` needs none. `npm run test:unit` (SHAREHOOD_TEST_TIER=unit) runs only the
// latter, in well under a minute; `npm test` runs both.
import { defineConfig } from "vitest/config";

const unitOnly = process.env.SHAREHOOD_TEST_TIER === "unit";

export function defineTestConfig(overrides = {}, options = {}) {
  const test = {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    exclude: unitOnly ? ["**/node_modules/**", "**/*.int.test.ts"] : ["**/node_modules/**"],
    // A workspace with only integration tests has nothing to run in the unit tier.
    passWithNoTests: unitOnly,
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: { json: ".test-results/vitest.json" },
    ...overrides,
  };
  const serial = options.serial ?? [];
  if (serial.length === 0) return defineConfig({ test });
  // Two passes: every file but `serial` two at a time (each file has its own databases, and
  // most wait on PostgreSQL more than they compute), then `serial` one at a time, alone on the
  // machine: the files whose assertions race background work (a relay, a cache rebuild, a decode
  // queue) and stay reliable only without a neighbour taking the other core.
  // Each project is whole (no `extends`: that would add its include list to the root's).
  const { reporters, outputFile, passWithNoTests, ...perProject } = test;
  return defineConfig({
    test: {
      reporters,
      outputFile,
      passWithNoTests,
      projects: [
        {
          test: {
            ...perProject,
            name: "parallel",
            exclude: [...perProject.exclude, ...serial],
            maxWorkers: 2,
            sequence: { groupOrder: 0 },
          },
        },
        {
          test: {
            ...perProject,
            name: "serial",
            include: serial,
            maxWorkers: 1,
            sequence: { groupOrder: 1 },
          },
        },
      ],
    },
  });
}
