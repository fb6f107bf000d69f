import { importSecret, payloadBytes, signatureBytes, toBase64 } from "./webhook-crypto.ts";

/** The three Standard Webhooks headers of one signed delivery (a type, so it fits any header record). */
export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

/** What `signWebhook` signs. */
export interface SignWebhookOptions {
  /** The message id: Sharehood uses the event's id, the same on every retry. */
  id: string;
  /** The body exactly as it will be sent. */
  payload: string | Uint8Array;
  /** A `whsec_…` secret. */
  secret: string;
  /** When it is sent: a `Date` or unix seconds (default now). */
  timestamp?: Date | number;
}

/**
 * Signs a body as a Sharehood delivery is signed (Standard Webhooks, `v1` HMAC-SHA256) and answers
 * the headers to send with it: what `sharehood listen --forward-to` does, and what a test of a
 * receiver needs. `verifyWebhook` accepts what this makes.
 */
export async function signWebhook(options: SignWebhookOptions): Promise<WebhookSignatureHeaders> {
  const { id, secret, timestamp = new Date() } = options;
  const seconds =
    typeof timestamp === "number" ? Math.floor(timestamp) : Math.floor(timestamp.getTime() / 1000);
  const signature = await signatureBytes(
    await importSecret(secret),
    id,
    seconds,
    payloadBytes(options.payload),
  );
  return {
    "webhook-id": id,
    "webhook-timestamp": String(seconds),
    "webhook-signature": `v1,${toBase64(signature)}`,
  };
}

/** A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes. */
export function createWebhookSecret(): string {
  return `whsec_${toBase64(globalThis.crypto.getRandomValues(new Uint8Array(32)))}`;
}
