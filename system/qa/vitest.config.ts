import { BaseSequencer, type TestSpecification } from "vitest/node";
import { defineTestConfig } from "@sharehood/vitest-config";

/**
 * The files that take longest, started first so that the two workers finish together. Without a
 * previous run's timings (CI's fresh clone) vitest starts the largest files first, and the three
 * fuzz files, three lines each, came last: one worker fuzzed alone for a minute at the end.
 */
const SLOWEST = [
  "test/security/matrix.int.test.ts",
  "test/fuzz/user-api.int.test.ts",
  "test/fuzz/inventory-api.int.test.ts",
  "test/fuzz/notification-api.int.test.ts",
  "test/security/expired-tokens.int.test.ts",
];

class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (file: TestSpecification) => {
      const i = SLOWEST.findIndex((path) => file.moduleId.endsWith(path));
      return i === -1 ? SLOWEST.length : i;
    };
    // Stable: the other files keep vitest's order.
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}

// The fuzz run sends thousands of requests in one test and the security matrix waits for tokens to
// expire, hence the timeouts. Each file runs the three services in-process, on databases of its own.
// Two files at a time: most of their time is waiting on the services (155 s one by one, 132 s so).
// Not isolated: a worker keeps the modules it loaded (the three APIs, Prisma, the SDK) from one file
// to the next instead of loading them again for each of the eleven; each file still builds its own
// stack from its own configuration, and none mocks a module or changes process.env.
export default defineTestConfig({
  testTimeout: 300_000,
  hookTimeout: 120_000,
  maxWorkers: 2,
  isolate: false,
  sequence: { sequencer: SlowestFirst },
});
