import { exitOnSignals } from "@sharehood/server-kit";
import { loadConfig } from "./env.ts";
import { startServer } from "./server.ts";

const config = loadConfig();
const server = await startServer(config).catch((error: unknown) => {
  // A start-up refusal (such as an unsafe ADMIN_EMAIL) is a message for the operator, not a crash.
  process.stderr.write(`user-api: refusing to start: ${(error as Error).message}\n`);
  process.exit(1);
});
exitOnSignals(server, {
  logger: server.api.logger,
  onSignal: () => server.api.markShuttingDown(),
  delayMs: config.SHUTDOWN_DELAY_MS,
});
