import { describe, expect, it } from "vitest";
import { linkify } from "@/features/conversations/linkify";

const joined = (message: string) =>
  linkify(message)
    .map((part) => part.text)
    .join("");

describe("linkify", () => {
  it("leaves text without links as one text part", () => {
    expect(linkify("Is it still free on Saturday?")).toEqual([
      { kind: "text", text: "Is it still free on Saturday?" },
    ]);
  });

  it("makes http and https addresses links, with the text around them kept", () => {
    expect(linkify("See https://example.com/drill?size=10#specs and http://a.test too")).toEqual([
      { kind: "text", text: "See " },
      {
        kind: "link",
        text: "https://example.com/drill?size=10#specs",
        href: "https://example.com/drill?size=10#specs",
      },
      { kind: "text", text: " and " },
      { kind: "link", text: "http://a.test", href: "http://a.test/" },
      { kind: "text", text: " too" },
    ]);
  });

  it("leaves sentence punctuation and an unopened bracket outside the link", () => {
    expect(linkify("Look: https://example.com/a.")).toContainEqual({
      kind: "link",
      text: "https://example.com/a",
      href: "https://example.com/a",
    });
    expect(linkify("(see https://example.com/b), ok")[1]).toEqual({
      kind: "link",
      text: "https://example.com/b",
      href: "https://example.com/b",
    });
    expect(linkify("https://en.wikipedia.org/wiki/Drill_(tool)!")[0]).toEqual({
      kind: "link",
      text: "https://en.wikipedia.org/wiki/Drill_(tool)",
      href: "https://en.wikipedia.org/wiki/Drill_(tool)",
    });
  });

  it("never links other schemes or bare host names", () => {
    for (const message of [
      "javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "JaVaScRiPt://example.com/%0aalert(1)",
      "ftp://example.com/file",
      "www.example.com",
      "mailto:someone@example.com",
    ]) {
      expect(
        linkify(message).every((part) => part.kind === "text"),
        message,
      ).toBe(true);
    }
  });

  it("does not link a scheme with no host", () => {
    expect(linkify("http:// and https://")).toEqual([{ kind: "text", text: "http:// and https://" }]);
  });

  it("keeps markup as text: the link stops at an angle bracket or a quote", () => {
    const parts = linkify('<a href="https://evil.test">x</a> https://ok.test/"onmouseover=alert(1)');
    expect(parts.filter((part) => part.kind === "link").map((part) => part.text)).toEqual([
      "https://evil.test",
      "https://ok.test/",
    ]);
    expect(joined("<b>https://ok.test</b>")).toBe("<b>https://ok.test</b>");
  });

  it("gives back the message exactly when its parts are put together", () => {
    const message = "Line one https://a.test/x).\n\nLine two (https://b.test) — https://c.test/?q=1&r=2, end";
    expect(joined(message)).toBe(message);
  });

  it("finds the scheme in any case", () => {
    expect(linkify("HTTPS://EXAMPLE.COM")[0]).toMatchObject({ kind: "link", href: "https://example.com/" });
  });
});
