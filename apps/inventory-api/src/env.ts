import { envFlag, loadEnv, ServiceEnvSchema, UserApiClientEnv } from "@sharehood/server-kit";
import { z } from "zod";

/**
 * Everything the Inventory API reads from its environment, each variable described for the
 * configuration reference (see server-kit's env.ts; `npm run docs:config` writes it).
 * TOKEN_CACHE_TTL_SECONDS is described once, on the User API's schema.
 */
export const InventoryApiEnvSchema = ServiceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4002).describe("HTTP port"),
  ...UserApiClientEnv,
  /** How long public GET responses stay cached (writes invalidate them at once; 0 = no cache). */
  PUBLIC_CACHE_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(60)
    .describe(
      "lifetime of cached public GET responses; writes invalidate them at once (0 turns the cache off)",
    ),
  /**
   * The most the public cache stores in Redis per cache lifetime (PUBLIC_CACHE_TTL_SECONDS), in MB,
   * so at most about twice this is held at once; past it, answers come from the database.
   */
  PUBLIC_CACHE_MAX_MB: z.coerce
    .number()
    .positive()
    .max(65_536)
    .default(64)
    .describe(
      "the most the public cache stores in Redis per catalogue version and cache lifetime (fractions allowed; each entry counts at least 1 KiB); past it, reads come from PostgreSQL",
    ),
  /**
   * How often the loan sweep runs: expiring stale requests, the due, overdue and waiting reminders,
   * and announcing reviews revealed by their window's end.
   */
  LOAN_EXPIRY_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe(
      "how often unanswered requests whose start date passed are expired, loan reminders (due tomorrow, overdue, request waiting two days) are sent, and reviews revealed by the end of their 14 days are announced",
    ),
  /** The origin clients reach this API at; photo URLs in responses start with it. Default http://localhost:<PORT>. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      description:
        "the origin clients reach the API at: the Inventory API's photo URLs and the Notification API's one-click unsubscribe links (`List-Unsubscribe`) start with it",
      displayDefault: "`http://localhost:<PORT>`",
    }),
  /** The web app's public origin: each event of a calendar feed links to its loan's page there. */
  PUBLIC_WEB_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .describe(
      "the web app's public origin: links in emails and in calendar feeds open its pages (`/loans/<id>`, `/verify-email`, …)",
    ),
  /** Photos go to this S3-compatible bucket when set, else to <DATA_DIR>/photos on local disk. */
  S3_BUCKET: z.string().min(3).max(63).optional().meta({
    description: "keep photos in this S3-compatible bucket instead (needed to run more than one replica)",
    displayDefault: "unset: photos on disk in `<DATA_DIR>/photos`",
  }),
  /** A non-AWS endpoint (MinIO, Ceph, R2, ...); AWS S3 itself when unset. */
  S3_ENDPOINT: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      description: "endpoint of another S3-compatible store (MinIO, Ceph, R2, ...)",
      displayDefault: "AWS S3",
    }),
  S3_REGION: z.string().min(1).default("us-east-1").describe("the bucket's region"),
  /** Static credentials (both or neither); without them the AWS default chain is used. */
  S3_ACCESS_KEY_ID: z.string().min(1).optional().meta({
    description: "static credentials for the bucket (both or neither)",
    displayDefault: "AWS default chain",
  }),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional().meta({ sameRowAs: "S3_ACCESS_KEY_ID" }),
  /** Path-style URLs (http://host/bucket/key), which most self-hosted stores need. */
  S3_FORCE_PATH_STYLE: envFlag.describe(
    "path-style URLs (`host/bucket/key`), which most self-hosted stores need",
  ),
  /** Photos decoded at once per process: each takes up to ~100 MB and a core while it runs. */
  PHOTO_MAX_CONCURRENT_DECODES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(2)
    .describe("photos decoded at once per process (each takes up to ~100 MB and a core while it runs)"),
  /** Photos that may wait for a decode slot; with that many waiting, a new upload is refused with 503 and Retry-After. */
  PHOTO_MAX_QUEUED_DECODES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1000)
    .default(16)
    .describe(
      "photos that may wait for a decode slot; while that many wait, a new upload gets 503 with `Retry-After` (uploads already under way may add up to 8 more files)",
    ),
  /** Photo files one user may upload per hour (every file received counts); past it, 429. */
  PHOTO_UPLOADS_PER_HOUR: z.coerce
    .number()
    .int()
    .min(1)
    .default(60)
    .describe(
      "photo files one user may upload per hour, every file received counting; past it 429 with `Retry-After`",
    ),
})
  .refine((env) => (env.S3_ACCESS_KEY_ID === undefined) === (env.S3_SECRET_ACCESS_KEY === undefined), {
    message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
    path: ["S3_SECRET_ACCESS_KEY"],
  })
  .refine((env) => env.S3_BUCKET !== undefined || (env.S3_ENDPOINT ?? env.S3_ACCESS_KEY_ID) === undefined, {
    message: "S3_ENDPOINT and S3 credentials need S3_BUCKET (without it photos are stored on disk)",
    path: ["S3_BUCKET"],
  });

export type InventoryApiConfig = z.infer<typeof InventoryApiEnvSchema>;

/** Reads and validates the environment; exits with a clear message on a bad value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): InventoryApiConfig {
  return loadEnv(InventoryApiEnvSchema, source);
}
