import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Which addresses a webhook may reach (no server-side request forgery). Refused always: link-local
 * (169.254.0.0/16, fe80::/10, where cloud metadata services live), the AWS IPv6 metadata address
 * fd00:ec2::254, unspecified, broadcast, multicast and reserved ranges. Refused unless private
 * targets are allowed (WEBHOOKS_ALLOW_PRIVATE_TARGETS, for tests and on-premises receivers):
 * loopback (127.0.0.0/8, ::1), private (10/8, 172.16/12, 192.168/16), shared (100.64/10) and
 * unique-local (fc00::/7). IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
const ALWAYS_REFUSED = new Set([
  "unspecified",
  "broadcast",
  "multicast",
  "linkLocal",
  "reserved",
  "rfc6145",
  "rfc6052",
  "6to4",
  "teredo",
]);
const PRIVATE = new Set(["loopback", "private", "carrierGradeNat", "uniqueLocal"]);
const METADATA_V6 = ipaddr.parse("fd00:ec2::254").toString();

/** Why an address may not be reached, or undefined when it may. */
export function refusalOf(address: string, allowPrivate: boolean): string | undefined {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const ip = ipaddr.process(address);
  if (ip.kind() === "ipv6" && ip.toString() === METADATA_V6) return `${address} is a cloud metadata address`;
  const range = ip.range();
  if (ALWAYS_REFUSED.has(range)) return `${address} is a ${range} address, which webhooks never reach`;
  if (PRIVATE.has(range) && !allowPrivate)
    return `${address} is a ${range} address (WEBHOOKS_ALLOW_PRIVATE_TARGETS is off)`;
  return undefined;
}

/** An error that says the target was refused (not worth a retry on a fixed address, but retried anyway: DNS changes). */
export class RefusedTarget extends Error {
  override readonly name = "RefusedTarget";
}

/** The host of a URL as an IP address, when it is one (`[::1]` → `::1`); undefined for a name. */
export function literalAddressOf(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) ? host : undefined;
}

/**
 * A `lookup` for http(s).request that resolves the name itself and hands the socket only addresses
 * it may reach (the socket then connects to exactly those: a DNS answer that changes between a check
 * and the connection cannot slip a private address in). Fails when none is left.
 */
export function guardedLookup(allowPrivate: boolean, resolve: LookupFunction = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const all: LookupAddress[] = Array.isArray(addresses) ? addresses : [{ address: addresses, family: 4 }];
      const allowed = all.filter((entry) => refusalOf(entry.address, allowPrivate) === undefined);
      if (allowed.length === 0) {
        const reason = all.map((entry) => refusalOf(entry.address, allowPrivate)).find(Boolean);
        return callback(
          new RefusedTarget(`${hostname} resolves to no address webhooks may reach: ${reason ?? "none"}`),
          "",
          0,
        );
      }
      if (options.all) return callback(null, allowed);
      const first = allowed[0]!;
      callback(null, first.address, first.family);
    });
  };
}
