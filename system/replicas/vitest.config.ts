import { defineTestConfig } from "@sharehood/vitest-config";

// One file at a time: each starts nine processes (two replicas of four services, and nginx), and
// two stacks at once on two cores would measure the machine.
export default defineTestConfig({
  fileParallelism: false,
  testTimeout: 60_000,
  hookTimeout: 300_000,
  globalSetup: ["./src/build.ts"],
});
