import { createClient, type SharehoodClient } from "@sharehood/sdk";

/**
 * A client for the APIs the SHAREHOOD_* variables name, acting with SHAREHOOD_TOKEN (a personal
 * access token, `shp_…`): the same variables the `sharehood` CLI reads. Without them it talks to a
 * stack started locally with `npm start`.
 */
export function clientFromEnv(): SharehoodClient {
  const env = process.env;
  const base = env.SHAREHOOD_BASE_URL;
  return createClient({
    userApiUrl: env.SHAREHOOD_USER_API_URL ?? base ?? "http://localhost:4001",
    inventoryApiUrl: env.SHAREHOOD_INVENTORY_API_URL ?? base ?? "http://localhost:4002",
    notificationApiUrl: env.SHAREHOOD_NOTIFICATION_API_URL ?? base ?? "http://localhost:4003",
    token: env.SHAREHOOD_TOKEN,
  });
}

/** Reads a variable that the example cannot do without, or stops with a clear message. */
export function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} first.`);
    process.exit(2);
  }
  return value;
}
