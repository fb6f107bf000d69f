import { defineTestConfig } from "@sharehood/vitest-config";

// The fuzz run sends thousands of requests in one test and the security matrix waits for tokens to
// expire, hence the timeouts. Each file runs both services in its own process.
// Two files at a time: most of their time is waiting on the services (155 s one by one, 132 s so).
export default defineTestConfig({ testTimeout: 300_000, hookTimeout: 120_000, maxWorkers: 2 });
