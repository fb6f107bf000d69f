import { runService } from "@sharehood/server-kit";
import { InventoryApiEnvSchema } from "./env.ts";
import { startServer } from "./server.ts";

await runService(InventoryApiEnvSchema, startServer);
