import type { Request } from "express";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_SIGNATURE_HEADER,
  verifyClientAddress,
} from "@sharehood/sdk/client-address";

/**
 * The address of the person behind a request, which the per-address limits count. A trusted
 * front end (the web app, which signs people in from its own server) vouches for the person's
 * address with a signature made with SERVICE_SECRET; anything else gets Express's `req.ip`,
 * which believes X-Forwarded-For only from the proxies TRUST_PROXY names. An unsigned or badly
 * signed address header is ignored, never an error: it changes nothing but what is counted.
 */
export function createClientAddress(serviceSecret: string | undefined) {
  return function clientAddress(req: Request): string {
    const claimed = req.get(CLIENT_ADDRESS_HEADER);
    const signature = req.get(CLIENT_ADDRESS_SIGNATURE_HEADER);
    if (serviceSecret && claimed && signature && verifyClientAddress(serviceSecret, claimed, signature))
      return claimed;
    return req.ip ?? "unknown";
  };
}

export type ClientAddress = ReturnType<typeof createClientAddress>;
