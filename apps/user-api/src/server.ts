import { listen, type RunningServer } from "@sharehood/server-kit";
import { createUserApi, type UserApi } from "./app.ts";
import type { UserApiConfig } from "./env.ts";

export type StartedServer = RunningServer & { api: UserApi; url: string };

/** Starts the User API on `config.PORT` (0 picks a free port, as tests do). */
export async function startServer(config: UserApiConfig): Promise<StartedServer> {
  const api = await createUserApi(config);
  const running = await listen(api.app, {
    port: config.PORT,
    graceMs: config.SHUTDOWN_GRACE_MS,
    logger: api.logger,
    cleanup: () => api.dispose(),
    metrics: config.METRICS_PORT ? { port: config.METRICS_PORT, registry: api.metrics.registry } : undefined,
  });
  api.logger.info({ port: running.port }, `user-api listening on http://localhost:${running.port}`);
  return { ...running, api, url: `http://127.0.0.1:${running.port}` };
}

/** Stops a server started by `startServer`: drain, then close pools. */
export async function stopServer(server: StartedServer): Promise<void> {
  server.api.markShuttingDown();
  await server.close();
}
