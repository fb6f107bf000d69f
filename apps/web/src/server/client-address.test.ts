import type { IncomingMessage } from "node:http";
import { verifyClientAddress } from "@sharehood/sdk/client-address";
import { describe, expect, it, vi } from "vitest";
import * as stamp from "../../scripts/client-address.mjs";

const SECRET = "a-service-secret-of-at-least-32-characters";
const requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: () => Promise.resolve(requestHeaders) }));
vi.mock("@/env", () => ({ getEnv: () => ({ SERVICE_SECRET: SECRET }) }));

const { CLIENT_ADDRESS_HEADER, clientAddressForwarding } = await import("./client-address.ts");

function request(remoteAddress: string, headers: Record<string, string> = {}) {
  return {
    headers: { ...headers },
    socket: { remoteAddress },
    connection: { remoteAddress },
  } as unknown as IncomingMessage;
}

describe("the server's client address", () => {
  it("is the socket's address when the socket is not a trusted proxy, whatever X-Forwarded-For says", () => {
    const req = request("198.51.100.7", { "x-forwarded-for": "203.0.113.1" });
    stamp.createAddressStamp("loopback")(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
  });

  it("is the address a trusted proxy added to X-Forwarded-For, not what the client put before it", () => {
    const req = request("::ffff:127.0.0.1", { "x-forwarded-for": "10.9.9.9, 203.0.113.1" });
    stamp.createAddressStamp("loopback")(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.1");
  });

  it("names an IPv4 client of a dual-stack socket without the ::ffff: prefix", () => {
    const req = request("::ffff:198.51.100.7");
    stamp.createAddressStamp("loopback")(req);
    expect(req.headers[CLIENT_ADDRESS_HEADER]).toBe("198.51.100.7");
  });

  it("drops every x-sharehood-* header the client sent", () => {
    const req = request("198.51.100.7", {
      [CLIENT_ADDRESS_HEADER]: "203.0.113.66",
      "x-sharehood-client-ip": "203.0.113.66",
      "x-sharehood-client-signature": "t=1,v1=00",
    });
    stamp.createAddressStamp("loopback")(req);
    expect(req.headers).toEqual({ [CLIENT_ADDRESS_HEADER]: "198.51.100.7" });
  });

  it("reads TRUST_PROXY as Express does: hop counts and lists of subnets", () => {
    const hops = request("10.0.0.2", { "x-forwarded-for": "203.0.113.1, 10.0.0.1" });
    stamp.createAddressStamp("2")(hops);
    expect(hops.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.1");
    const subnets = request("10.0.0.2", { "x-forwarded-for": "203.0.113.1" });
    stamp.createAddressStamp("loopback, 10.0.0.0/8")(subnets);
    expect(subnets.headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.1");
    expect(() => stamp.compileTrust("not-an-address")).toThrow();
  });

  it("shares its header name with the app", () => {
    expect(stamp.CLIENT_ADDRESS_HEADER).toBe(CLIENT_ADDRESS_HEADER);
  });
});

describe("clientAddressForwarding", () => {
  it("signs the stamped address for the User API", async () => {
    requestHeaders.set(CLIENT_ADDRESS_HEADER, "203.0.113.1");
    stamp.createAddressStamp("loopback");
    const forwarded = await clientAddressForwarding();
    expect(forwarded["x-sharehood-client-ip"]).toBe("203.0.113.1");
    expect(verifyClientAddress(SECRET, "203.0.113.1", forwarded["x-sharehood-client-signature"] ?? "")).toBe(
      true,
    );
  });

  it("sends nothing when no server of ours stamped the request (next dev, a bare next start)", async () => {
    (globalThis as Record<symbol, unknown>)[stamp.CLIENT_ADDRESS_STAMPED] = undefined;
    requestHeaders.set(CLIENT_ADDRESS_HEADER, "203.0.113.1");
    expect(await clientAddressForwarding()).toEqual({});
  });
});
