import { randomBytes } from "node:crypto";
import { hashToken } from "@sharehood/server-kit";

export type EmailTokenKind = "verify_email" | "password_reset";

/**
 * How long an emailed link works. A reset link is short-lived because it is as good as the
 * password; a verification link proves only an address, so it may wait a day in an inbox.
 */
export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenKind, number> = {
  verify_email: 24 * 3600 * 1000,
  password_reset: 30 * 60 * 1000,
};

/** A token as stored: only its SHA-256 hash, so the table alone opens nothing. */
export interface StoredEmailToken {
  hash: string;
  kind: EmailTokenKind;
  expiresAt: Date;
}

/**
 * A new one-time link secret: 256 random bits, base64url (it travels in a `?token=` query), with
 * what to store of it. The secret itself leaves only inside the outbox event that mails it.
 */
export function newEmailToken(kind: EmailTokenKind, now = Date.now()) {
  const token = randomBytes(32).toString("base64url");
  const stored: StoredEmailToken = {
    hash: hashToken(token),
    kind,
    expiresAt: new Date(now + EMAIL_TOKEN_TTL_MS[kind]),
  };
  return { token, stored, link: { token, expiresAt: stored.expiresAt } };
}

export { hashToken };
