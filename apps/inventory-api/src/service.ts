import { fileURLToPath } from "node:url";
import type { ServiceDescriptor } from "@sharehood/test-stack";
import type { InventoryApi } from "./app.ts";
import type { InventoryApiConfig } from "./env.ts";

/** The Inventory API's Prisma folder: schema and migrations (app.ts names it too; importing app.ts here would load the app). */
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/**
 * The Inventory API as the test stack starts it (`@sharehood/test-stack`). A light entry: importing it
 * loads none of the app, which `configure` and `create` load when called.
 */
export const inventoryApiService: ServiceDescriptor<InventoryApiConfig, InventoryApi> = {
  name: "inventory-api",
  workspace: "@sharehood/inventory-api",
  prismaDir: PRISMA_DIR,
  bundle: fileURLToPath(new URL("../dist/main.js", import.meta.url)),
  configure: async (env) => (await import("./env.ts")).InventoryApiEnvSchema.parse(env),
  create: async (config) => (await import("./app.ts")).createInventoryApi(config),
};
