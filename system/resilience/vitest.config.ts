import { defineTestConfig } from "@sharehood/vitest-config";

// One scenario at a time: each drives real processes under load, and two at once on two cores
// would measure the machine, not the services.
export default defineTestConfig({
  fileParallelism: false,
  testTimeout: 120_000,
  hookTimeout: 120_000,
  globalSetup: ["./src/build-services.ts"],
});
