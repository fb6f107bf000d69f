import { describe, expect, it } from "vitest";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_ADDRESS_SIGNATURE_HEADER,
  clientAddressHeaders,
  verifyClientAddress,
} from "./client-address.ts";

const secret = "a-service-secret-of-at-least-32-characters";
const now = Date.UTC(2026, 11, 1, 12);

describe("signed client addresses", () => {
  it("verifies the address it signed, recently, with the same secret", () => {
    const headers = clientAddressHeaders(secret, "203.0.113.7", now);
    expect(headers[CLIENT_ADDRESS_HEADER]).toBe("203.0.113.7");
    const signature = headers[CLIENT_ADDRESS_SIGNATURE_HEADER]!;
    expect(verifyClientAddress(secret, "203.0.113.7", signature, now + 60_000)).toBe(true);
  });

  it("refuses another address, another secret, an old or future time and malformed values", () => {
    const signature = clientAddressHeaders(secret, "203.0.113.7", now)[CLIENT_ADDRESS_SIGNATURE_HEADER]!;
    expect(verifyClientAddress(secret, "203.0.113.8", signature, now)).toBe(false);
    expect(verifyClientAddress(`${secret}x`, "203.0.113.7", signature, now)).toBe(false);
    expect(verifyClientAddress(secret, "203.0.113.7", signature, now + 301_000)).toBe(false);
    expect(verifyClientAddress(secret, "203.0.113.7", signature, now - 301_000)).toBe(false);
    for (const bad of ["", "t=1", `${signature},x`, signature.toUpperCase(), "t=abc,v1=00"])
      expect(verifyClientAddress(secret, "203.0.113.7", bad, now)).toBe(false);
  });
});
