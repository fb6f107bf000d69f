import { defineTestConfig } from "@sharehood/vitest-config";

// The AWS SDK warns once per process that its 2027 releases need Node 22; true, but noise in tests.
// Two files at a time: they mostly wait on PostgreSQL and Redis (187 s one by one in CI, 123 s so).
export default defineTestConfig({
  maxWorkers: 2,
  env: { NODE_ENV: "test", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
});
