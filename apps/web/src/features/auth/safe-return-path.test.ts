import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path.ts";

// Known open-redirect payloads: each is a way to make a browser leave the site from a "path".
const OPEN_REDIRECTS = [
  "//evil.com",
  "///evil.com",
  "////evil.com",
  "/\\evil.com",
  "\\\\evil.com",
  "/\\/evil.com",
  "/%5Cevil.com",
  "/%5cevil.com",
  "/%5C%5Cevil.com",
  "/%09/evil.com",
  "/%0A/evil.com",
  "/%0D%0A/evil.com",
  "/%0d%0aLocation:%20https://evil.com",
  "/%00/evil.com",
  "/%7F/evil.com",
  "/\t/evil.com",
  "/\n/evil.com",
  "/\r\n/evil.com",
  "/\u0000/evil.com",
  "/%2F%2Fevil.com",
  "/%2f%2fevil.com",
  "/%2F/evil.com",
  "/%252F%252Fevil.com",
  "/%25252F%25252Fevil.com",
  "/%255Cevil.com",
  "/.//evil.com",
  "/./\\evil.com",
  "/..//evil.com",
  "/%2e%2e//evil.com",
  "/%2E//evil.com",
  "https://evil.com",
  "http:evil.com",
  "http:/evil.com",
  "//evil.com/%2F..",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.com",
  " /items",
  "",
];

describe("safeReturnPath", () => {
  it.each(OPEN_REDIRECTS)("sends %j home instead of off the site", (payload) => {
    expect(safeReturnPath(payload)).toBe("/");
  });

  it("sends an overlong path home", () => {
    expect(safeReturnPath(`/${"a".repeat(3000)}`)).toBe("/");
  });

  it.each([undefined, null, 42, ["/loans"], { pathname: "/loans" }])("sends %j home", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it.each([
    ["/items/abc?x=1#y", "/items/abc?x=1#y"],
    ["/loans", "/loans"],
    ["/", "/"],
    ["/items?q=drill+set&category=tools", "/items?q=drill+set&category=tools"],
    ["/items?q=100%25", "/items?q=100%25"],
    ["/items/%C3%BCber", "/items/%C3%BCber"],
  ])("keeps the path %j on this site", (value, expected) => {
    expect(safeReturnPath(value)).toBe(expected);
  });

  it("answers the normalised path a browser would go to", () => {
    expect(safeReturnPath("/items/./abc/../def?x=1")).toBe("/items/def?x=1");
    expect(safeReturnPath("/items/über")).toBe("/items/%C3%BCber");
    expect(safeReturnPath("/loans?status=a b")).toBe("/loans?status=a%20b");
  });
});
