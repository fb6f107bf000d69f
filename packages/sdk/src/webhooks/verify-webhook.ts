import type { WebhookEvent } from "../contract/webhooks.ts";
import {
  constantTimeEqual,
  fromBase64,
  importSecret,
  payloadBytes,
  signatureBytes,
} from "./webhook-crypto.ts";

/** Why a webhook request was refused. */
export type WebhookRefusal =
  | "missing_headers"
  | "invalid_timestamp"
  | "timestamp_too_old"
  | "timestamp_too_new"
  | "no_matching_signature"
  | "invalid_payload";

/**
 * Thrown by `verifyWebhook` when a request is not a genuine, fresh Sharehood delivery. Answer it
 * with a 400 (or 401) and do not act on the body.
 */
export class WebhookVerificationError extends Error {
  override readonly name = "WebhookVerificationError";
  /** Why the request was refused. */
  readonly reason: WebhookRefusal;

  constructor(reason: WebhookRefusal, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Request headers as a `Headers` object (fetch, Next.js) or a plain record (Node's `req.headers`, Express). */
export type WebhookRequestHeaders = Headers | Record<string, string | string[] | undefined>;

/** What `verifyWebhook` needs. */
export interface VerifyWebhookOptions {
  /**
   * The request body exactly as received (a string or the raw bytes, such as Express's
   * `express.raw()` Buffer): re-serialised JSON does not verify.
   */
  payload: string | Uint8Array;
  /** The request's headers; `webhook-id`, `webhook-timestamp` and `webhook-signature` are read. */
  headers: WebhookRequestHeaders;
  /** The endpoint's signing secret, `whsec_…`, as `client.webhooks.create` answered it. */
  secret: string;
  /** How far `webhook-timestamp` may be from now, either way, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The current time in milliseconds (for tests; default `Date.now`). */
  now?: () => number;
}

function header(headers: WebhookRequestHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(" ") : value;
}

function base64OrUndefined(text: string): Uint8Array | undefined {
  try {
    return fromBase64(text);
  } catch {
    return undefined;
  }
}

function parseEvent(payload: Uint8Array): WebhookEvent {
  let event: unknown;
  try {
    event = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    throw new WebhookVerificationError("invalid_payload", "The webhook body is not JSON");
  }
  const e = event as Partial<Record<"id" | "type" | "timestamp" | "data", unknown>> | null;
  const isEnvelope =
    typeof e === "object" &&
    e !== null &&
    typeof e.id === "string" &&
    typeof e.type === "string" &&
    typeof e.timestamp === "string" &&
    typeof e.data === "object" &&
    e.data !== null;
  if (!isEnvelope)
    throw new WebhookVerificationError("invalid_payload", "The webhook body is not a Sharehood event");
  // The signature proves Sharehood sent it; the type names of a newer API than this SDK are let
  // through rather than refused, so that an endpoint subscribed to "*" keeps working.
  return event as WebhookEvent;
}

/**
 * Checks that a webhook request comes from Sharehood and is fresh, per the Standard Webhooks
 * specification, and answers its event: the HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>`
 * under the endpoint's secret must match one of the `v1,…` signatures of `webhook-signature`
 * (several, space-separated, while a secret is being rotated), compared in constant time, and
 * `webhook-timestamp` must be within `toleranceSeconds` of now (a replayed old request is refused).
 * Uses Web Crypto, so it runs in Node 20+, browsers and edge runtimes.
 *
 * Deduplicate by `event.id` (the same as `webhook-id`): a delivery can arrive more than once.
 *
 * @throws WebhookVerificationError when the request is not genuine or too old or too new.
 * @example
 * app.post("/hook", express.raw({ type: "application/json" }), async (req, res) => {
 *   const event = await verifyWebhook({ payload: req.body, headers: req.headers, secret });
 *   res.sendStatus(204);
 * });
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const { headers, secret, toleranceSeconds = 300, now = Date.now } = options;
  // First, so that a wrong secret is a TypeError whatever request comes: a configuration mistake.
  const key = await importSecret(secret);
  const id = header(headers, "webhook-id");
  const timestampHeader = header(headers, "webhook-timestamp");
  const signatures = header(headers, "webhook-signature");
  if (!id || !timestampHeader || !signatures)
    throw new WebhookVerificationError(
      "missing_headers",
      "The request lacks webhook-id, webhook-timestamp or webhook-signature",
    );
  if (!/^\d{1,15}$/.test(timestampHeader.trim()))
    throw new WebhookVerificationError("invalid_timestamp", "webhook-timestamp is not unix seconds");
  const timestamp = Number(timestampHeader.trim());
  const nowSeconds = Math.floor(now() / 1000);
  if (nowSeconds - timestamp > toleranceSeconds)
    throw new WebhookVerificationError("timestamp_too_old", "webhook-timestamp is too old");
  if (timestamp - nowSeconds > toleranceSeconds)
    throw new WebhookVerificationError("timestamp_too_new", "webhook-timestamp is in the future");

  const payload = payloadBytes(options.payload);
  const expected = await signatureBytes(key, id, timestamp, payload);
  let matched = false;
  for (const versioned of signatures.split(" ")) {
    const comma = versioned.indexOf(",");
    if (comma < 0 || versioned.slice(0, comma) !== "v1") continue;
    const candidate = base64OrUndefined(versioned.slice(comma + 1));
    // Every candidate is compared, so the time taken does not tell which one matched.
    if (candidate && constantTimeEqual(candidate, expected)) matched = true;
  }
  if (!matched)
    throw new WebhookVerificationError("no_matching_signature", "No webhook-signature matches this secret");
  return parseEvent(payload);
}
