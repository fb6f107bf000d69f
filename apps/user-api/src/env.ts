import { envFlag, loadEnv, ServiceEnvSchema } from "@sharehood/server-kit";
import { z } from "zod";

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
/** Everything the User API reads from its environment. */
export const UserApiEnvSchema = ServiceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  ACCESS_TOKEN_TTL_SECONDS: seconds(15 * 60),
  REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 24 * 3600),
  /** How long a validate-token answer may be served from cache (never past the token's expiry). */
  TOKEN_CACHE_TTL_SECONDS: seconds(60),
  LOGIN_MAX_FAILURES_PER_EMAIL: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(50),
  REGISTER_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
  RATE_LIMIT_WINDOW_SECONDS: seconds(15 * 60),
  /** A session ends this long after sign-in, however often it is refreshed. */
  SESSION_MAX_LIFETIME_SECONDS: seconds(90 * 24 * 3600),
  /**
   * A refresh token presented again this soon after its rotation gets another pair for the same
   * session (parallel requests, several web replicas) instead of revoking it; 0 turns that off.
   */
  REFRESH_REUSE_GRACE_SECONDS: z.coerce.number().int().min(0).max(120).default(15),
  /**
   * Shared with the web app: it signs the address of the person it signs in, so limits per
   * address count people, not the web server. Unset: only TRUST_PROXY decides the address.
   */
  SERVICE_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)").optional(),
  /** Create the demo neighbours at start-up when missing. Defaults to on only for the embedded database. */
  SEED_DEMO_DATA: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === "true" || v === "1")),
  /** Demo users (public passwords) in production only when this says so explicitly. */
  ALLOW_DEMO_DATA_IN_PRODUCTION: envFlag,
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
  /** Let ADMIN_EMAIL promote an account that signed itself up (every session of it is revoked). */
  ADMIN_PROMOTE_EXISTING: envFlag,
})
  // The embedded default (no DATABASE_URL) is a local demo even when it runs a production build.
  .refine(
    (env) =>
      !(
        env.SEED_DEMO_DATA &&
        env.DATABASE_URL &&
        env.NODE_ENV === "production" &&
        !env.ALLOW_DEMO_DATA_IN_PRODUCTION
      ),
    {
      message:
        "demo users have public passwords: SEED_DEMO_DATA is refused with NODE_ENV=production unless ALLOW_DEMO_DATA_IN_PRODUCTION=true",
      path: ["SEED_DEMO_DATA"],
    },
  )
  .refine((env) => (env.ADMIN_EMAIL === undefined) === (env.ADMIN_PASSWORD === undefined), {
    message: "ADMIN_EMAIL and ADMIN_PASSWORD must be set together",
    path: ["ADMIN_PASSWORD"],
  });

export type UserApiConfig = z.infer<typeof UserApiEnvSchema>;

/** Reads and validates the environment; exits with a clear message on a bad value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): UserApiConfig {
  return loadEnv(UserApiEnvSchema, source);
}
