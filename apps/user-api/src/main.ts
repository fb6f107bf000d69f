import { runService } from "@sharehood/server-kit";
import { UserApiEnvSchema } from "./env.ts";
import { startServer } from "./server.ts";

await runService(UserApiEnvSchema, startServer);
