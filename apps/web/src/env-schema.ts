import { z } from "zod";

// The web app's environment schemas, apart from env.ts (which is "server-only") so that Node scripts
// can read them: `npm run docs:config` writes the configuration reference from their descriptions.

/** The variables the web app reads, as they are set. */
export const WebEnvVariablesSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  USER_API_URL: z.url({ protocol: /^https?$/ }).default("http://127.0.0.1:4001"),
  INVENTORY_API_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://127.0.0.1:4002")
    .describe("where the Inventory API is"),
  // 127.0.0.1 like the others: Node resolves "localhost" to ::1 first, where a service listening
  // on IPv4 only refuses the connection.
  NOTIFICATION_API_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://127.0.0.1:4003")
    .describe(
      "where the Notification API is (the bell, the notifications page, email settings); down, pages still work without them",
    ),
  AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters (openssl rand -base64 32)")
    .optional()
    .meta({
      description: "encrypts the session cookie; at least 32 characters; required in containers",
      displayDefault: "generated once by `npm start` into `apps/web/.data/`",
    }),
  NEXTAUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional()
    .meta({ alternativeTo: "AUTH_SECRET" }),
  /** The public origin, such as https://sharehood.example; decides whether cookies are Secure. */
  AUTH_URL: z.url().optional().meta({
    description: "the public origin of the web app; decides whether cookies are `Secure`",
    displayDefault: "the request's origin",
  }),
  NEXTAUTH_URL: z.url().optional().meta({ alternativeTo: "AUTH_URL" }),
  /**
   * Shared with the User API: the web app signs the address of the person it signs in with it,
   * so the User API's limits per address count people, not this server. Unset: no address is sent.
   */
  SERVICE_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Refresh the API access token when it has less than this many seconds left. */
  AUTH_REFRESH_MARGIN_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .default(120)
    .describe("refresh the API access token when it has less than this left"),
  /** How long one API call may take before the page shows a "service unavailable" state. */
  API_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(60_000)
    .default(8_000)
    .describe("how long one API call may take before a page shows a 'service unavailable' state"),
  // Read by the server in front of Next.js too (its page cache listens for catalogue changes), and
  // by the app, which announces the changes to kept pages that no API announces (a new bio).
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_NAMESPACE: z.string().default("sharehood"),
  // Tracing (src/instrumentation-node.ts, and the request span in scripts/server.mjs): the variables
  // the APIs read (described once, in server-kit's telemetry/env.ts), and the delay between exports.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  OTEL_TRACES_SAMPLER_ARG: z.coerce.number().min(0).max(1).default(1),
  OTEL_SERVICE_NAME: z.string().min(1).max(100).default("web"),
  OTEL_BSP_SCHEDULE_DELAY: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(1_000)
    .describe("with tracing on, milliseconds between two exports of the web app's finished spans"),
});

/**
 * Everything the web app reads from its environment: the variables, with the old NEXTAUTH_* names
 * standing in for AUTH_*, and AUTH_SECRET required.
 */
export const WebEnvSchema = WebEnvVariablesSchema.transform((env) => ({
  ...env,
  AUTH_SECRET: env.AUTH_SECRET ?? env.NEXTAUTH_SECRET,
  AUTH_URL: env.AUTH_URL ?? env.NEXTAUTH_URL,
})).refine((env) => env.AUTH_SECRET !== undefined, {
  message: "AUTH_SECRET (or NEXTAUTH_SECRET) is required; `npm start` generates one under .data/",
  path: ["AUTH_SECRET"],
});

/**
 * What the server in front of Next.js (scripts/server.mjs, plain JavaScript) reads itself before
 * Next.js starts, its page cache (scripts/page-cache.mjs) included. Declared here for the
 * configuration reference; server.mjs applies the same defaults and bounds.
 */
export const WebServerEnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe("HTTP port"),
  TRUST_PROXY: z.string().default("loopback"),
  PAGE_CACHE_TTL_SECONDS: z.coerce
    .number()
    .min(0)
    .max(86_400)
    .default(60)
    .describe(
      "how long the web server keeps the page a signed-out visitor gets (browse, search, an item page), and a person's Borrowing page for their session (never past their token's refresh); a catalogue change announced on Redis drops them sooner, an event concerning the person or a write of theirs drops their own, and without Redis a page is kept one second; 0 turns the cache off",
    ),
  PAGE_CACHE_MAX_MB: z.coerce
    .number()
    .min(0)
    .max(4_096)
    .default(64)
    .describe("the most the web server's page cache holds in memory, per replica; 0 turns the cache off"),
});
