// The Inventory API with token validation skipped, for the auth benchmark's baseline. Bundled like
// the service's own dist/main.js (see run.ts) and started by stack.ts; never part of the service.
import { runService, startService } from "@sharehood/server-kit";
import { createInventoryApi } from "@sharehood/inventory-api/app";
import { InventoryApiEnvSchema } from "@sharehood/inventory-api/env";
import { skipAuthAuthenticator } from "./skip-auth-authenticator.ts";

await runService(InventoryApiEnvSchema, (config) =>
  startService(() => createInventoryApi(config, { authenticate: skipAuthAuthenticator }), config),
);
