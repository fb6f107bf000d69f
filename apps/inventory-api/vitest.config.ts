import { defineTestConfig } from "@sharehood/vitest-config";

// The AWS SDK warns once per process that its 2027 releases need Node 22; true, but noise in tests.
// Files run two at a time, except those that race background work on purpose (the public cache's
// single-flight and stale-write tests, the token cache's lifetimes, the photo decode queue's limits,
// the database fault windows): they run afterwards, one at a time.
export default defineTestConfig(
  { env: { NODE_ENV: "test", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" } },
  {
    serial: [
      "src/modules/public-cache/public-cache.int.test.ts",
      "test/auth.int.test.ts",
      "test/photo-limits.int.test.ts",
      "test/faults.int.test.ts",
    ],
  },
);
