import type { TokenValidation } from "@sharehood/sdk";
import { z } from "zod";
import type { KeyValueStore } from "../kv/store.ts";
import type { Logger } from "../logger.ts";
import { createTokenCache } from "../token-cache.ts";
import { createUserApiClient } from "./user-api-client.ts";

/**
 * How a service that checks tokens with the User API reaches it: the settings every such service
 * (the Inventory and Notification APIs) puts in its environment schema, described once.
 */
export const UserApiClientEnv = {
  USER_API_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://127.0.0.1:4001")
    .describe("where the User API is (the Inventory and Notification APIs validate tokens there)"),
  /** How long a validate-token call may take before the request is refused with 503. */
  USER_API_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(50)
    .max(30_000)
    .default(1_500)
    .describe("how long a validate-token call may take before the write is refused with 503"),
  /** Consecutive User API failures that open the circuit, and how long it stays open. */
  USER_API_BREAKER_THRESHOLD: z.coerce
    .number()
    .int()
    .min(1)
    .default(3)
    .describe("consecutive User API failures that open the circuit breaker"),
  USER_API_BREAKER_RESET_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(2_000)
    .describe("how long the breaker stays open before one trial call"),
  /** How long a validated token may be reused without asking the User API (never past its expiry; 0 = no cache). */
  TOKEN_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
};

/** The settings `UserApiClientEnv` declares, as parsed. */
export type UserApiClientConfig = {
  [K in keyof typeof UserApiClientEnv]: z.output<(typeof UserApiClientEnv)[K]>;
};

/** The User API client (keep-alive, timeout, circuit breaker) and the validated-token cache. */
export function createUserApiAccess(
  config: UserApiClientConfig,
  deps: { store: KeyValueStore; logger: Logger },
) {
  const tokenCache = createTokenCache<TokenValidation>({
    store: deps.store,
    ttlSeconds: config.TOKEN_CACHE_TTL_SECONDS,
    logger: deps.logger,
    expiresAtOf: (validation) => validation.expiresAt,
  });
  const userApi = createUserApiClient({
    baseUrl: config.USER_API_URL,
    timeoutMs: config.USER_API_TIMEOUT_MS,
    breakerThreshold: config.USER_API_BREAKER_THRESHOLD,
    breakerResetMs: config.USER_API_BREAKER_RESET_MS,
    logger: deps.logger,
  });
  return { tokenCache, userApi };
}
