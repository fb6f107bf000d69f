// The server itself; main.ts imports it once tracing is set up (see main.ts).
import { runService } from "@sharehood/server-kit";
import { NotificationApiEnvSchema } from "./env.ts";
import { startServer } from "./server.ts";

await runService(NotificationApiEnvSchema, startServer);
