import { defineTestConfig } from "@sharehood/vitest-config";

export default defineTestConfig();
