import { configFile } from "./config-paths.ts";
import { isExposed, readConfig, type StoredConfig } from "./config-file.ts";

/** Where the APIs run when nothing says otherwise: `npm start` on this machine. */
export const DEFAULT_URLS = {
  userApiUrl: "http://localhost:4001",
  inventoryApiUrl: "http://localhost:4002",
  notificationApiUrl: "http://localhost:4003",
} as const;

/** The API addresses a command talks to. */
export interface ApiUrls {
  userApiUrl: string;
  inventoryApiUrl: string;
  notificationApiUrl: string;
}

/** What a command runs with: the configuration file, overridden by the environment. */
export interface Settings extends ApiUrls {
  token: string | undefined;
  /** Where the token came from, for messages ("SHAREHOOD_TOKEN was refused"). */
  tokenSource: "SHAREHOOD_TOKEN" | "config" | undefined;
  file: string;
  stored: StoredConfig;
  /** The file is readable by others: warn, since it holds a token. */
  exposed: boolean;
}

/**
 * `SHAREHOOD_USER_API_URL` (and the inventory and notification ones) win over `SHAREHOOD_BASE_URL`
 * (one origin serving every API, behind a gateway), which wins over the file, which wins over
 * {@link DEFAULT_URLS}.
 */
export function resolveUrls(env: NodeJS.ProcessEnv, stored: StoredConfig): ApiUrls {
  const base = env.SHAREHOOD_BASE_URL || undefined;
  return {
    userApiUrl: env.SHAREHOOD_USER_API_URL || base || stored.userApiUrl || DEFAULT_URLS.userApiUrl,
    inventoryApiUrl:
      env.SHAREHOOD_INVENTORY_API_URL || base || stored.inventoryApiUrl || DEFAULT_URLS.inventoryApiUrl,
    notificationApiUrl:
      env.SHAREHOOD_NOTIFICATION_API_URL ||
      base ||
      stored.notificationApiUrl ||
      DEFAULT_URLS.notificationApiUrl,
  };
}

/** Reads the configuration file and applies the environment over it. */
export async function loadSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  const file = configFile(env);
  const stored = await readConfig(file);
  const fromEnv = env.SHAREHOOD_TOKEN || undefined;
  return {
    ...resolveUrls(env, stored),
    token: fromEnv ?? stored.token,
    tokenSource: fromEnv ? "SHAREHOOD_TOKEN" : stored.token ? "config" : undefined,
    file,
    stored,
    exposed: stored.token ? await isExposed(file) : false,
  };
}
