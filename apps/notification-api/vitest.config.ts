import { defineTestConfig } from "@sharehood/vitest-config";

// Two files at a time: most of their time is waiting on PostgreSQL, Redis and SMTP (65 s one by
// one, 40 s so).
export default defineTestConfig({ maxWorkers: 2 });
