import { defineTestConfig } from "@sharehood/vitest-config";

// The fuzz run sends thousands of requests in one test and the security matrix waits for tokens to
// expire, hence the timeouts. Each file runs both services in its own process.
export default defineTestConfig({ testTimeout: 300_000, hookTimeout: 120_000 });
