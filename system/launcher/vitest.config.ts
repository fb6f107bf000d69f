import { defineTestConfig } from "@sharehood/vitest-config";

export default defineTestConfig({ testTimeout: 900_000 });
