import "server-only";
import { createHash } from "node:crypto";

/**
 * An Idempotency-Key for a create: the same form (its nonce) sending the same body again, such
 * as a double click or a retry after a network error, reuses the key and the API replays the
 * first answer; a corrected body after a refusal gets a new key (the API answers 422 to a reused
 * key with a different body).
 */
export function idempotencyKeyFor(nonce: string, body: unknown): string {
  return createHash("sha256").update(nonce).update(JSON.stringify(body)).digest("base64url").slice(0, 40);
}
