import { defineTestConfig } from "@sharehood/vitest-config";

// The AWS SDK warns once per process that its 2027 releases need Node 22; true, but noise in tests.
// One file at a time (vitest's default on two cores): two at once took 123 s instead of 187, but
// the public cache's single-flight test then saw a second rebuild in CI (its burst races the
// relay's background work), so that waits for a way to run it alone.
export default defineTestConfig({
  env: { NODE_ENV: "test", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
});
