import "server-only";
import { headers } from "next/headers";
import { clientAddressHeaders } from "@sharehood/sdk/client-address";
import { getEnv } from "@/env";

/**
 * The request header scripts/server.mjs sets to the person's address, after dropping any copy
 * the client sent (the same name as CLIENT_ADDRESS_HEADER in scripts/client-address.mjs).
 */
export const CLIENT_ADDRESS_HEADER = "x-sharehood-client-address";
// scripts/client-address.mjs sets this flag when it stamps requests. Under `next dev` or a bare
// `next start` nothing removes a client's own copy of the header, so then it is not believed.
const STAMPED = Symbol.for("sharehood.web.client-address-stamped");

/**
 * Headers that vouch for the person's address to the User API, signed with SERVICE_SECRET, for
 * the calls it limits per address (sign-in, register, changing the email, deleting the account):
 * it would otherwise count this server's address for everybody. Empty without the secret or
 * without an address worked out by our own server.
 */
export async function clientAddressForwarding(): Promise<Record<string, string>> {
  const secret = getEnv().SERVICE_SECRET;
  if (!secret || (globalThis as Record<symbol, unknown>)[STAMPED] !== true) return {};
  const address = (await headers()).get(CLIENT_ADDRESS_HEADER);
  return address ? clientAddressHeaders(secret, address) : {};
}
