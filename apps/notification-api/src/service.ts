import { fileURLToPath } from "node:url";
import type { ServiceDescriptor } from "@sharehood/test-stack";
import type { NotificationApi } from "./app.ts";
import type { NotificationApiConfig } from "./env.ts";

/** The Notification API's Prisma folder: schema and migrations (app.ts names it too; importing app.ts here would load the app). */
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/**
 * The Notification API as the test stack starts it (`@sharehood/test-stack`). A light entry:
 * importing it loads none of the app, which `configure` and `create` load when called.
 */
export const notificationApiService: ServiceDescriptor<NotificationApiConfig, NotificationApi> = {
  name: "notification-api",
  workspace: "@sharehood/notification-api",
  prismaDir: PRISMA_DIR,
  bundle: fileURLToPath(new URL("../dist/main.js", import.meta.url)),
  configure: async (env) => (await import("./env.ts")).NotificationApiEnvSchema.parse(env),
  create: async (config) => (await import("./app.ts")).createNotificationApi(config),
};
