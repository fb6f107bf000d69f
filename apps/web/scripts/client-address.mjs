// The person's address, as the web server in front of Next.js works it out from the socket and
// the proxies it trusts. Next.js itself only fills X-Forwarded-For when the client did not send
// one, so anyone could name any address there; this header is set here and nowhere else.
import { isIP } from "node:net";
import proxyAddr from "proxy-addr";

/** The request header that carries the person's address to server actions (src/server/client-address.ts). */
export const CLIENT_ADDRESS_HEADER = "x-sharehood-client-address";
/** Set on globalThis once the header is stamped: the app believes it only then (not under `next dev`). */
export const CLIENT_ADDRESS_STAMPED = Symbol.for("sharehood.web.client-address-stamped");

// Headers of this family are ours: one a client sends (this one, or the User API's signed pair)
// is dropped before Next.js sees the request.
const INTERNAL_PREFIX = "x-sharehood-";

/**
 * Who may set X-Forwarded-For, with Express's `trust proxy` meaning: a number of hops, or a
 * comma-separated list of addresses, CIDR subnets and the names loopback, linklocal and
 * uniquelocal. Throws on a value it cannot read.
 * @param {string} value
 */
export function compileTrust(value) {
  if (/^\d+$/.test(value.trim())) {
    const hops = Number(value);
    return (/** @type {string} */ _address, /** @type {number} */ index) => index < hops;
  }
  return proxyAddr.compile(
    value
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}

/**
 * A function that removes every `x-sharehood-*` header a request came with and sets
 * {@link CLIENT_ADDRESS_HEADER} to the person's address: the socket's, or the nearest address in
 * X-Forwarded-For that a trusted proxy added.
 * @param {string} trustProxy TRUST_PROXY
 */
export function createAddressStamp(trustProxy) {
  const trust = compileTrust(trustProxy);
  /** @type {Record<symbol, unknown>} */ (globalThis)[CLIENT_ADDRESS_STAMPED] = true;
  return function stampClientAddress(/** @type {import("node:http").IncomingMessage} */ req) {
    for (const name of Object.keys(req.headers))
      if (name.startsWith(INTERNAL_PREFIX)) delete req.headers[name];
    const address = proxyAddr(req, trust);
    // IPv4 clients of a dual-stack socket show as ::ffff:a.b.c.d; limits should see one address.
    const plain = address?.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
    if (plain && isIP(plain)) req.headers[CLIENT_ADDRESS_HEADER] = plain;
  };
}
