import { demoVariables } from "@sharehood/demo/env-variables";
import { InventoryApiEnvSchema } from "@sharehood/inventory-api/env";
import { launcherVariables } from "@sharehood/launcher/env-variables";
import { NotificationApiEnvSchema } from "@sharehood/notification-api/env";
import { UserApiEnvSchema } from "@sharehood/user-api/env";
import { WebEnvVariablesSchema, WebServerEnvSchema } from "@sharehood/web/env-schema";
import { schemaVariables, type EnvSource } from "./env-declarations.ts";
import { toolingSources } from "./tooling-variables.ts";

/**
 * Every declaration of an environment variable, by reader, in the order the configuration
 * reference lists them: a variable's row comes where it is first declared.
 */
export const envSources = (): EnvSource[] => [
  { readBy: "user-api", variables: schemaVariables(UserApiEnvSchema) },
  { readBy: "inventory-api", variables: schemaVariables(InventoryApiEnvSchema) },
  { readBy: "notification-api", variables: schemaVariables(NotificationApiEnvSchema) },
  {
    readBy: "web",
    variables: [...schemaVariables(WebEnvVariablesSchema), ...schemaVariables(WebServerEnvSchema)],
  },
  { readBy: "launcher", variables: launcherVariables },
  { readBy: "demo", variables: demoVariables },
  ...toolingSources,
];

/** The names of every declared variable. */
export const declaredVariables = (): Set<string> =>
  new Set(envSources().flatMap((source) => source.variables.map((variable) => variable.name)));
