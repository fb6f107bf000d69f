#!/usr/bin/env node
// Adds up the JSON reports the test runners wrote (vitest's and Playwright's, under each
// workspace's .test-results/) and prints one closing line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const root = JSON.parse(readFileSync("package.json", "utf8"));
const workspaces = root.workspaces.flatMap((pattern) =>
  pattern.endsWith("/*")
    ? readdirSync(pattern.slice(0, -2), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => join(pattern.slice(0, -2), entry.name))
    : [pattern],
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const workspace of workspaces) {
  const dir = join(workspace, ".test-results");
  for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []) {
    const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
    if (report.stats) {
      // Playwright: errors outside any test (a crashed global set-up) are failures too.
      passed += (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
      failed += (report.stats.unexpected ?? 0) + (report.errors?.length ?? 0);
      skipped += report.stats.skipped ?? 0;
    } else {
      passed += report.numPassedTests ?? 0;
      // A file that fails to load counts as a failure even though none of its tests ran.
      failed += report.numFailedTests || report.numFailedTestSuites || 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
