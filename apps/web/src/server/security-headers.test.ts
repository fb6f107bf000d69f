import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, securityHeaders } from "./security-headers.ts";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

const options = {
  nonce: "bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==",
  https: true,
  development: false,
};

describe("security headers", () => {
  it("allows scripts only with this response's nonce, and nothing to be embedded or framed", () => {
    const policy = directives(contentSecurityPolicy(options));
    expect(Object.fromEntries(policy)).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      // Photos come through this site's /photos/ route, not from the Inventory API's origin.
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
      "upgrade-insecure-requests": [],
    });
  });

  it("sends HSTS and upgrades requests only behind https", () => {
    expect(securityHeaders(options)["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    const plain = securityHeaders({ ...options, https: false });
    expect(plain["strict-transport-security"]).toBeUndefined();
    expect(directives(plain["content-security-policy"]!).has("upgrade-insecure-requests")).toBe(false);
  });

  it("lets next dev evaluate code, and production never", () => {
    expect(directives(contentSecurityPolicy({ ...options, development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
    expect(contentSecurityPolicy(options)).not.toContain("unsafe-eval");
  });

  it("makes a different nonce every time, in the characters a CSP nonce allows", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
