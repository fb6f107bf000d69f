import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { WEBHOOK_SECRET_PREFIX } from "@sharehood/sdk/contract";

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks). */
export const newWebhookSecret = (): string => `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;

/**
 * The Standard Webhooks signature of one delivery: `v1,` and the base64 HMAC-SHA256 of
 * `<id>.<timestamp>.<body>`, keyed with the base64-decoded part of the secret after `whsec_`.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(WEBHOOK_SECRET_PREFIX.length), "base64");
  return `v1,${createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest("base64")}`;
}

/**
 * Keeps signing secrets encrypted at rest (AES-256-GCM, under a key derived from this service's
 * signing secret): a copy of the database alone cannot sign deliveries. They must be readable (a
 * delivery is signed with them), so they cannot be hashed as tokens are.
 */
export function createSecretBox(signingSecret: string) {
  const key = createHash("sha256").update(`sharehood webhook secrets\0${signingSecret}`).digest();
  return {
    seal(secret: string): string {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
      return `v1.${iv.toString("base64url")}.${sealed.toString("base64url")}.${cipher.getAuthTag().toString("base64url")}`;
    },
    open(sealed: string): string {
      const [version, iv, data, tag] = sealed.split(".");
      if (version !== "v1" || !iv || !data || !tag) throw new Error("not a sealed webhook secret");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString(
        "utf8",
      );
    },
  };
}

export type SecretBox = ReturnType<typeof createSecretBox>;
