import "server-only";
import type { z } from "zod";
import { WebEnvSchema } from "./env-schema.ts";

// The web app's environment (WebEnvSchema) is parsed once, at start-up (instrumentation.ts): a bad
// value stops the server with a clear message instead of failing on the first request. This is the
// only file that reads `process.env`.

/** The validated environment of the web app. */
export type Env = z.output<typeof WebEnvSchema> & { AUTH_SECRET: string };

let cached: Env | undefined;

/** Parses the environment on first use and remembers it; throws a readable error when invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  // Empty strings mean "not set", as in shells and compose files.
  const source = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const result = WebEnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment for the web app:\n${lines.join("\n")}`);
  }
  cached = result.data as Env;
  return cached;
}

/** Whether session cookies must be `Secure` (the public origin is https). */
export function usesSecureCookies(env: Env = getEnv()): boolean {
  return env.AUTH_URL?.startsWith("https://") ?? false;
}
