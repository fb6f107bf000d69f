import { startService, stopService, type StartedService } from "@sharehood/server-kit";
import { createUserApi, type UserApi } from "./app.ts";
import type { UserApiConfig } from "./env.ts";

export type StartedServer = StartedService<UserApi>;

/** Starts the User API on `config.PORT` (0 picks a free port, as tests do). */
export const startServer = (config: UserApiConfig): Promise<StartedServer> =>
  startService(() => createUserApi(config), config);

/** Stops a server started by `startServer`: drain, then close pools. */
export const stopServer = (server: StartedServer): Promise<void> => stopService(server);
