import "server-only";
import { createClient, type SharehoodClient } from "@sharehood/sdk";
import { getEnv } from "@/env";

/** An SDK client for the two APIs; with a token it acts as that user. Server-only. */
export function apiClient(token?: string): SharehoodClient {
  const env = getEnv();
  return createClient({
    userApiUrl: env.USER_API_URL,
    inventoryApiUrl: env.INVENTORY_API_URL,
    token,
    timeoutMs: env.API_TIMEOUT_MS,
  });
}
