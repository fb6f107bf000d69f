import { startService, stopService, type StartedService } from "@sharehood/server-kit";
import { createInventoryApi, type InventoryApi } from "./app.ts";
import type { InventoryApiConfig } from "./env.ts";

export type StartedServer = StartedService<InventoryApi>;

/** Starts the Inventory API on `config.PORT` (0 picks a free port, as tests do). */
export const startServer = (config: InventoryApiConfig): Promise<StartedServer> =>
  startService(() => createInventoryApi(config), config);

/** Stops a server started by `startServer`: drain, then close pools. */
export const stopServer = (server: StartedServer): Promise<void> => stopService(server);
