// Shared vitest settings. Integration tests hit real PostgreSQL and Redis, so timeouts are generous;
// each file gets its own database, so files run in parallel across the two cores.
// Under CI a JSON report is written too, so .ci/run can print one "N passed, N failed" line.
import { defineConfig } from "vitest/config";

export function defineTestConfig(overrides = {}) {
  return defineConfig({
    test: {
      include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      pool: "forks",
      testTimeout: 30_000,
      hookTimeout: 60_000,
      env: { NODE_ENV: "test" },
      reporters: process.env.CI ? ["default", "json"] : ["default"],
      outputFile: { json: ".test-results/vitest.json" },
      ...overrides,
    },
  });
}
