export { assertLocalDatabase, createTestDatabase, testRedisUrl } from "./test-database.ts";
export { freePort, startPrivateRedis } from "./private-redis.ts";
export { ServiceProcess } from "./service-process.ts";
