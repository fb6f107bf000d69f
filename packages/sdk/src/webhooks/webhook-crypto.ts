/**
 * The Standard Webhooks signature (https://www.standardwebhooks.com) with Web Crypto only, so that
 * the same code runs in Node 20+, browsers, Deno and edge runtimes: HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>`, keyed with the base64-decoded part of the secret
 * after `whsec_`, written `v1,<base64 signature>`.
 */

const SECRET_PREFIX = "whsec_";
const encoder = new TextEncoder();

/** Web Crypto's key type, named without the DOM library (the SDK type-checks against Node's). */
type HmacKey = Awaited<ReturnType<typeof globalThis.crypto.subtle.importKey>>;

/** Base64 to bytes, with `atob` (a global in Node 16+ and every browser); throws on bad input. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Bytes to standard base64 (with padding), as the signature header carries them. */
export function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** The HMAC key of a `whsec_…` secret (the prefix may be left out, as the spec allows). */
export async function importSecret(secret: string): Promise<HmacKey> {
  const encoded = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = fromBase64(encoded);
  } catch {
    throw new TypeError("The webhook secret is not base64 after its whsec_ prefix");
  }
  if (raw.length === 0) throw new TypeError("The webhook secret is empty");
  return globalThis.crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

/** The raw body as bytes: a string is UTF-8 encoded, bytes are used as received. */
export function payloadBytes(payload: string | Uint8Array): Uint8Array {
  return typeof payload === "string" ? encoder.encode(payload) : payload;
}

/** The 32-byte HMAC-SHA256 of `<id>.<timestamp>.<body>`. */
export async function signatureBytes(
  key: HmacKey,
  id: string,
  timestamp: number,
  payload: Uint8Array,
): Promise<Uint8Array> {
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const content = new Uint8Array(prefix.length + payload.length);
  content.set(prefix);
  content.set(payload, prefix.length);
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, content));
}

/** Compares two byte strings in time that depends on their length only, never on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}
