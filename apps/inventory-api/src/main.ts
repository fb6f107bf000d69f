import { exitOnSignals } from "@sharehood/server-kit";
import { loadConfig } from "./env.ts";
import { startServer } from "./server.ts";

const config = loadConfig();
const server = await startServer(config);
exitOnSignals(server, {
  logger: server.api.logger,
  onSignal: () => server.api.markShuttingDown(),
  delayMs: config.SHUTDOWN_DELAY_MS,
});
