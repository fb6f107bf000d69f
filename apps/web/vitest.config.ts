import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineTestConfig } from "@sharehood/vitest-config";
import { mergeConfig } from "vitest/config";

const serverOnly = createRequire(import.meta.url).resolve("server-only");

// Unit tests only: e2e/ belongs to Playwright. Under CI the preset writes .test-results/vitest.json
// beside Playwright's report, and tooling/scripts/test-summary.mjs adds both to the closing count.
export default mergeConfig(defineTestConfig({ include: ["src/**/*.test.ts"] }), {
  resolve: {
    alias: {
      "@/": fileURLToPath(new URL("./src/", import.meta.url)),
      // `server-only` throws outside React's server bundles; unit tests import server code directly.
      "server-only": join(dirname(serverOnly), "empty.js"),
    },
  },
});
