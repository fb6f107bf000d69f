import { envFlag, loadEnv, ServiceEnvSchema, UserApiClientEnv } from "@sharehood/server-kit";
import { z } from "zod";

const secret = (what: string) =>
  z.string().min(32, `must be at least 32 characters (openssl rand -base64 32); ${what}`);

/**
 * Everything the Notification API reads from its environment, each variable described for the
 * configuration reference (see server-kit's env.ts; `npm run docs:config` writes it). The User API
 * client's variables (USER_API_*, TOKEN_CACHE_TTL_SECONDS) mean what they mean for the Inventory API;
 * EVENTS_SECRET (server-kit's) turns on the receiver of pushed events when there is no Redis.
 */
export const NotificationApiEnvSchema = ServiceEnvSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(4003).describe("HTTP port"),
  ...UserApiClientEnv,
  /** The origin people's mail programs reach this API at: unsubscribe links point here. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .meta({
      description:
        "the origin clients reach the API at: the Inventory API's photo URLs and the Notification API's one-click unsubscribe links (`List-Unsubscribe`) start with it",
      displayDefault: "`http://localhost:<PORT>`",
    }),
  PUBLIC_WEB_URL: z
    .url({ protocol: /^https?$/ })
    .default("http://localhost:3000")
    .describe(
      "the web app's public origin: links in emails and in calendar feeds open its pages (`/loans/<id>`, `/verify-email`, …)",
    ),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .meta({
      description:
        "the SMTP server email leaves through (`smtp://user:pass@host:587`, `smtps://…:465`); credentials URL-encoded",
      displayDefault: "unset: each email is written as an `.eml` file to `<DATA_DIR>/mail`",
    }),
  MAIL_FROM: z
    .string()
    .regex(/<[^<>@\s]+@[^<>@\s]+>$|^[^<>@\s]+@[^<>@\s]+$/, "must be an address, or a name and <address>")
    .default("Sharehood <no-reply@sharehood.localhost>")
    .describe("the sender of every email (`Name <address>`)"),
  /** Signs unsubscribe links. Unset on the embedded default: generated once and kept in the data folder. */
  NOTIFICATION_SIGNING_SECRET: secret("signs unsubscribe links").optional().meta({
    description:
      "signs the unsubscribe links in emails (32+ characters); changing it breaks the links already sent",
    displayDefault:
      "generated once into `<DATA_DIR>/notification-api/signing-secret`; required with `NODE_ENV=production` and a `DATABASE_URL`",
  }),
  EMAIL_RETRY_LIMIT: z.coerce
    .number()
    .int()
    .min(0)
    .max(50)
    .default(14)
    .describe("how often a failed email (SMTP down or refusing) is retried before it is given up"),
  EMAIL_RETRY_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(10)
    .describe(
      "the first retry's delay; each next one waits about twice as long (the defaults keep trying for about two days)",
    ),
  UPKEEP_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .default(3600)
    .describe(
      "how often expired tokens and dead sessions are purged (User API) and handled event ids, finished emails and idle message threads are forgotten (Notification API); one replica runs each period",
    ),
  EMAIL_POLL_SECONDS: z.coerce
    .number()
    .min(0.5)
    .max(60)
    .default(2)
    .describe("how often each replica looks for emails to send"),
  MESSAGE_EMAIL_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 86_400)
    .default(600)
    .describe("how long a new message must stay unread before its recipient is emailed about it"),
  MESSAGE_EMAIL_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 86_400)
    .default(3600)
    .describe(
      "at most one message email per person and thread in this long; unread messages that come meanwhile wait for its end",
    ),
  EVENTS_CLAIM_IDLE_SECONDS: z.coerce
    .number()
    .min(1)
    .max(3600)
    .default(30)
    .describe(
      "with Redis: an event another replica has held this long without acknowledging it is taken over (that replica is presumed dead)",
    ),
  STREAMS_PER_PERSON: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe("open notification streams one person may hold on one replica (429 past it)"),
  WEBHOOKS_ALLOW_PRIVATE_TARGETS: envFlag.describe(
    "`true` lets webhooks reach loopback and private-range addresses (tests, on-premises receivers); link-local and cloud metadata addresses (169.254.0.0/16, fe80::/10, fd00:ec2::254) are refused whatever it says",
  ),
  WEBHOOKS_TIMEOUT_SECONDS: z.coerce
    .number()
    .min(0.1)
    .max(30)
    .default(5)
    .describe(
      "how long a webhook endpoint has to answer a delivery (connecting included) before it counts as failed",
    ),
  WEBHOOKS_RETRY_SCHEDULE: z
    .string()
    .regex(/^\s*\d+(\.\d+)?(\s*,\s*\d+(\.\d+)?)*\s*$/, "must be seconds separated by commas")
    .default("5,300,1800,7200,18000,36000,36000")
    .transform((value) => value.split(",").map(Number))
    .describe(
      "the waits, in seconds, before each retry of a failed webhook delivery (the default retries for about 28 hours, as Standard Webhooks suggests)",
    ),
  WEBHOOKS_DISABLE_AFTER_SECONDS: z.coerce
    .number()
    .min(0)
    .max(30 * 86_400)
    .default(86_400)
    .describe(
      "an endpoint whose deliveries have all failed for this long, one of them past its last retry, is disabled and its owner emailed",
    ),
  WEBHOOKS_POLL_SECONDS: z.coerce
    .number()
    .min(0.5)
    .max(60)
    .default(1)
    .describe("how often each replica looks for webhook deliveries (and retries) that are due"),
}).refine((env) => !(env.NODE_ENV === "production" && env.DATABASE_URL && !env.NOTIFICATION_SIGNING_SECRET), {
  message:
    "required with NODE_ENV=production and a DATABASE_URL (unsubscribe links must outlive the process)",
  path: ["NOTIFICATION_SIGNING_SECRET"],
});

export type NotificationApiConfig = z.infer<typeof NotificationApiEnvSchema>;

/** Reads and validates the environment; exits with a clear message on a bad value. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): NotificationApiConfig {
  return loadEnv(NotificationApiEnvSchema, source);
}
