import { startService, stopService, type StartedService } from "@sharehood/server-kit";
import { createNotificationApi, type NotificationApi } from "./app.ts";
import type { NotificationApiConfig } from "./env.ts";

export type StartedServer = StartedService<NotificationApi>;

/** Starts the Notification API on `config.PORT` (0 picks a free port, as tests do). */
export const startServer = (config: NotificationApiConfig): Promise<StartedServer> =>
  startService(() => createNotificationApi(config), config);

/** Stops a server started by `startServer`: end the streams, drain, then close pools. */
export const stopServer = (server: StartedServer): Promise<void> => stopService(server);
