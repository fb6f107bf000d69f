import { defineTestConfig } from "@sharehood/vitest-config";

// Components render into happy-dom (a DOM in Node): no browser, no services, a unit test.
export default defineTestConfig({ environment: "happy-dom", include: ["src/**/*.test.tsx"] });
