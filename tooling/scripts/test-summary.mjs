#!/usr/bin/env node
// Adds up the JSON reports vitest wrote under CI and prints one closing line: "N passed, N failed".
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

let passed = 0;
let failed = 0;
let skipped = 0;
for (const group of ["apps", "packages"]) {
  for (const name of existsSync(group) ? readdirSync(group) : []) {
    const dir = join(group, name, ".test-results");
    for (const file of existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : []) {
      const report = JSON.parse(readFileSync(join(dir, file), "utf8"));
      passed += report.numPassedTests ?? 0;
      // A file that fails to load counts as a failure even though none of its tests ran.
      failed += report.numFailedTests || report.numFailedTestSuites || 0;
      skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    }
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
