import "server-only";
import { createClient, type SharehoodClient } from "@sharehood/sdk";
import { getEnv } from "@/env";

/**
 * An SDK client for the three APIs; with a token it acts as that user. `headers` go on every
 * request (the signed client address, see client-address.ts). Server-only.
 */
export function apiClient(token?: string, headers?: Record<string, string>): SharehoodClient {
  const env = getEnv();
  return createClient({
    userApiUrl: env.USER_API_URL,
    inventoryApiUrl: env.INVENTORY_API_URL,
    notificationApiUrl: env.NOTIFICATION_API_URL,
    token,
    timeoutMs: env.API_TIMEOUT_MS,
    // A page waits on these: an API that is down shows its fallback at once, not after back-off.
    retries: 0,
    headers,
  });
}
