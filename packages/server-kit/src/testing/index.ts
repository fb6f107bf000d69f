// Test primitives with no service behind them: fresh databases (behind the local-only guard), the
// test Redis and free ports. Server-kit's own tests use them, so they live here rather than in
// @sharehood/test-stack (which depends on server-kit, and re-exports them with everything that
// starts services).
export {
  assertLocalDatabase,
  createTestDatabase,
  databaseUrl,
  recreateDatabases,
  testRedisUrl,
} from "./test-database.ts";
export { freePort } from "./free-port.ts";
export { metricNames, metricValue, scrapeMetrics } from "./metrics.ts";
