import { z } from "zod";

/** Variables every service reads. Each service extends this with its own. */
export const BaseEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_000_000).default(100_000),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(8_000),
  /** After SIGTERM, keep serving (with readiness 503) this long so load balancers stop routing here first. */
  SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(30_000).default(0),
  /**
   * Serve `/metrics` on this port only, not on the public one, so that an ingress routing the
   * public port can never expose it. Unset: `/metrics` is on the public port (local runs).
   */
  METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
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
    .default("sharehood"),
  /** Which proxies may set X-Forwarded-For (Express `trust proxy`). */
  TRUST_PROXY: z.string().default("loopback"),
  /** Apply pending migrations at start-up (always done on the embedded default). */
  MIGRATE_ON_START: envFlag,
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
