import { z } from "zod";
import { TelemetryEnv } from "./telemetry/env.ts";

// Each variable carries its meaning for the configuration reference (docs/configuration.md, written
// by `npm run docs:config`): `.describe()`, plus `.meta({ displayDefault })` where the default value
// alone does not say what happens when it is unset. The description comes last in the chain:
// wrappers added after it (`.optional()`, `.default()`) would not carry it.

/** Variables every service reads. Each service extends this with its own. */
export const BaseEnvSchema = z.object({
  NODE_ENV: z
    .enum(["development", "test", "production"])
    .default("development")
    .describe("`production` in containers"),
  LOG_LEVEL: z
    .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"])
    .default("info")
    .describe("pino level"),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .meta({ description: "PostgreSQL URL of the service's own database", displayDefault: "embedded PGlite" }),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/ })
    .optional()
    .meta({
      description:
        "Redis URL (caches, rate limits, revocation events, catalogue changes); the APIs and the web app must share it",
      displayDefault: "in-process store",
    }),
  DATA_DIR: z
    .string()
    .min(1)
    .default(".data")
    .describe("where the embedded database and the photos on disk are kept"),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(10_000_000)
    .default(100_000)
    .describe("largest JSON body (413 past it)"),
  SHUTDOWN_GRACE_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(8_000)
    .describe("how long in-flight requests get after SIGTERM"),
  /** After SIGTERM, keep serving (with readiness 503) this long so load balancers stop routing here first. */
  SHUTDOWN_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(30_000)
    .default(0)
    .describe(
      "after SIGTERM, keep serving (readiness 503) this long so load balancers stop routing first; 5000 in Kubernetes",
    ),
  /**
   * Serve `/metrics` on this port only, not on the public one, so that an ingress routing the
   * public port can never expose it. Unset: `/metrics` is on the public port (local runs).
   */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional().meta({
    description:
      "serve `/metrics` only on this port (9464 in Kubernetes), which no Service or Ingress routes; `PORT` then answers it 404",
    displayDefault: "unset: `/metrics` on `PORT`",
  }),
  // Read first by main.ts's startTelemetry (before the server loads), declared here with the rest.
  ...TelemetryEnv,
});

/** An environment flag: `true`/`1` or `false`/`0`, false when unset. */
export const envFlag = z
  .enum(["true", "false", "1", "0"])
  .default("false")
  .transform((value) => value === "true" || value === "1");

/** What every service reads: the base variables plus Redis, proxies and migrations. */
export const ServiceEnvSchema = BaseEnvSchema.extend({
  /** Prefix of every Redis key and channel; services that talk through Redis must share it. */
  REDIS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9_-]+$/i)
    .default("sharehood")
    .describe("prefix of every Redis key and channel (the APIs and the web app must use the same one)"),
  /** Which proxies may set X-Forwarded-For (Express `trust proxy`). */
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .describe(
      "which proxies may set `X-Forwarded-For` (limits key on the client address; the web app works out the address it signs for the User API the same way)",
    ),
  /** Apply pending migrations at start-up (always done on the embedded default). */
  MIGRATE_ON_START: envFlag.describe(
    "apply pending migrations at start (always on for the embedded database)",
  ),
  /** Without Redis, where a producer's outbox relay delivers its events (server-kit events). */
  EVENTS_PUSH_URLS: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((url) => url.trim())
        .filter((url) => url !== ""),
    )
    .pipe(z.array(z.url({ protocol: /^https?$/ })))
    .optional()
    .meta({
      description:
        "without `REDIS_URL`: comma-separated `/internal/events` URLs of the event consumers (`http://127.0.0.1:4003/internal/events`) the User and Inventory APIs push their events to; ignored with Redis",
      displayDefault: "set by `npm start`; unset: events wait in the outbox",
    }),
  /** Shared by producers and consumers when events are pushed over HTTP (no Redis). */
  EVENTS_SECRET: z
    .string()
    .min(
      32,
      "must be at least 32 characters (openssl rand -base64 32); shared with the services that push events",
    )
    .optional()
    .meta({
      description:
        "without Redis, the User and Inventory APIs push their events to `POST /internal/events` with this secret (32+ characters); the receiver is off without it",
      displayDefault: "generated by `npm start`",
    }),
});

/**
 * Parses the environment once, at start-up. A bad value prints every problem and exits,
 * so a misconfigured service never half-starts. This is the only place `process.env` is read.
 */
export function loadEnv<S extends z.ZodType>(schema: S, source: NodeJS.ProcessEnv = process.env): z.infer<S> {
  // Empty strings mean "not set": that is how shells and compose files express absence.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ""));
  const result = schema.safeParse(cleaned);
  if (result.success) return result.data;
  const lines = result.error.issues.map(
    (issue) => `  - ${issue.path.join(".") || "(root)"}: ${issue.message}`,
  );
  process.stderr.write(`Invalid environment, refusing to start:\n${lines.join("\n")}\n`);
  process.exit(1);
}
