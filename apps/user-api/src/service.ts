import { fileURLToPath } from "node:url";
import type { ServiceDescriptor } from "@sharehood/test-stack";
import type { UserApi } from "./app.ts";
import type { UserApiConfig } from "./env.ts";

/** The User API's Prisma folder: schema and migrations (app.ts names it too; importing app.ts here would load the app). */
export const PRISMA_DIR = fileURLToPath(new URL("../prisma", import.meta.url));

/**
 * The User API as the test stack starts it (`@sharehood/test-stack`). A light entry: importing it
 * loads none of the app, which `configure` and `create` load when called.
 */
export const userApiService: ServiceDescriptor<UserApiConfig, UserApi> = {
  name: "user-api",
  workspace: "@sharehood/user-api",
  prismaDir: PRISMA_DIR,
  bundle: fileURLToPath(new URL("../dist/main.js", import.meta.url)),
  configure: async (env) => (await import("./env.ts")).UserApiEnvSchema.parse(env),
  create: async (config) => (await import("./app.ts")).createUserApi(config),
};
