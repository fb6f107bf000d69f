import "server-only";
import { z } from "zod";

/**
 * Everything the web app reads from its environment. This is the only file that reads
 * `process.env`; the schema is parsed once, at start-up (instrumentation.ts), and a bad value
 * stops the server with a clear message instead of failing on the first request.
 */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    USER_API_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4001"),
    INVENTORY_API_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4002"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    /** The public origin, such as https://sharehood.example; decides whether cookies are Secure. */
    AUTH_URL: z.url().optional(),
    NEXTAUTH_URL: z.url().optional(),
    /**
     * Shared with the User API: the web app signs the address of the person it signs in with it,
     * so the User API's limits per address count people, not this server. Unset: no address is sent.
     */
    SERVICE_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
    /** Refresh the API access token when it has less than this many seconds left. */
    AUTH_REFRESH_MARGIN_SECONDS: z.coerce.number().int().min(0).default(120),
    /** How long one API call may take before the page shows a "service unavailable" state. */
    API_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(8_000),
  })
  .transform((env) => ({
    ...env,
    AUTH_SECRET: env.AUTH_SECRET ?? env.NEXTAUTH_SECRET,
    AUTH_URL: env.AUTH_URL ?? env.NEXTAUTH_URL,
  }))
  .refine((env) => env.AUTH_SECRET !== undefined, {
    message: "AUTH_SECRET (or NEXTAUTH_SECRET) is required; `npm start` generates one under .data/",
    path: ["AUTH_SECRET"],
  });

/** The validated environment of the web app. */
export type Env = z.output<typeof EnvSchema> & { AUTH_SECRET: string };

let cached: Env | undefined;

/** Parses the environment on first use and remembers it; throws a readable error when invalid. */
export function getEnv(): Env {
  if (cached) return cached;
  // Empty strings mean "not set", as in shells and compose files.
  const source = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(source);
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
