// Starts the Sharehood stack for tests: in-process (integration tests, fuzzing, the security matrix)
// or as production processes (resilience, benchmarks, end-to-end), with fixtures over the SDK.
// It depends on no app: each app describes itself in a `ServiceDescriptor` (`@sharehood/<app>/service`).
export { buildBundles, runInForeground } from "./bundles.ts";
export {
  assertLocalDatabase,
  createTestDatabase,
  databaseUrl,
  freePort,
  recreateDatabases,
  testRedisUrl,
} from "@sharehood/server-kit/testing";
export {
  connectTo,
  inDays,
  listItem,
  moveLoan,
  NEIGHBOUR_PASSWORD,
  newItem,
  requestLoan,
  signIn,
  signUp,
  type Connect,
  type LoanStep,
  type Neighbour,
  type SignedIn,
} from "./fixtures.ts";
export {
  inProcessEnv,
  serveInProcess,
  startInProcessService,
  testNamespace,
  type InProcessService,
  type StackService,
} from "./in-process.ts";
export { startInProcessStack, type InProcessStack } from "./in-process-stack.ts";
export { startProcessStack, type ProcessStack, type ProcessStackOptions } from "./process-stack.ts";
export { startPrivateRedis } from "./redis.ts";
export type { InProcessApi, ServiceDescriptor } from "./service-descriptor.ts";
export { ServiceProcess } from "./service-process.ts";
export { STACK_ADMIN, type StackEnv, type StackServices } from "./stack-services.ts";
export { startTestSmtpServer, type TestSmtpServer } from "./smtp.ts";
