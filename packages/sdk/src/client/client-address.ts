import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A trusted front end (the web app) calls the User API from its own server, so the User API
 * sees the front end's address for everybody. The front end forwards the person's address in
 * {@link CLIENT_ADDRESS_HEADER}, signed with the secret both share (`SERVICE_SECRET`); the User
 * API believes the address only when the signature is right and recent. The signature binds
 * the address to a time, so one captured in a log is worthless a few minutes later.
 */
export const CLIENT_ADDRESS_HEADER = "x-sharehood-client-ip";
/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<address>">`. */
export const CLIENT_ADDRESS_SIGNATURE_HEADER = "x-sharehood-client-signature";
/** How far a signature's time may be from the verifier's clock. */
export const CLIENT_ADDRESS_TOLERANCE_SECONDS = 300;

const sign = (secret: string, seconds: number, address: string) =>
  createHmac("sha256", secret).update(`${seconds}.${address}`).digest("hex");

/** The two headers that vouch for `address`; merge them into a request's headers. */
export function clientAddressHeaders(
  secret: string,
  address: string,
  nowMs: number = Date.now(),
): Record<string, string> {
  const seconds = Math.floor(nowMs / 1000);
  return {
    [CLIENT_ADDRESS_HEADER]: address,
    [CLIENT_ADDRESS_SIGNATURE_HEADER]: `t=${seconds},v1=${sign(secret, seconds, address)}`,
  };
}

/** Whether `signature` vouches for `address` now; any malformed input is simply `false`. */
export function verifyClientAddress(
  secret: string,
  address: string,
  signature: string,
  nowMs: number = Date.now(),
): boolean {
  const match = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/.exec(signature);
  if (!match || address.length === 0 || address.length > 64) return false;
  const seconds = Number(match[1]);
  if (Math.abs(nowMs / 1000 - seconds) > CLIENT_ADDRESS_TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(sign(secret, seconds, address), "hex");
  return timingSafeEqual(expected, Buffer.from(match[2]!, "hex"));
}
