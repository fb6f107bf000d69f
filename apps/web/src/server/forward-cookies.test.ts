import { describe, expect, it } from "vitest";
import { cookieHeaderAfter, hasCookie, sessionCookiePairs, sessionCookiesOnly } from "./forward-cookies.ts";

const now = Date.UTC(2026, 11, 1, 12);

describe("cookieHeaderAfter", () => {
  it("replaces the session cookie the proxy just refreshed and keeps the others", () => {
    const header = cookieHeaderAfter(
      "theme=dark; sharehood.session=old.jwe.value; lang=en",
      [
        "sharehood.session=new.jwe.value; Path=/; Expires=Thu, 31 Dec 2026 12:00:00 GMT; HttpOnly; SameSite=Lax",
      ],
      now,
    );
    expect(header).toBe("theme=dark; sharehood.session=new.jwe.value; lang=en");
  });

  it("drops cookies that are cleared by Max-Age=0 or a past Expires", () => {
    const header = cookieHeaderAfter(
      "sharehood.session.0=a; sharehood.session.1=b; other=1",
      [
        "sharehood.session.0=; Path=/; Max-Age=0",
        "sharehood.session.1=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
        "sharehood.session=whole; Path=/; HttpOnly",
      ],
      now,
    );
    expect(header).toBe("other=1; sharehood.session=whole");
  });

  it("adds a cookie the browser did not have yet, keeping '=' inside values", () => {
    expect(cookieHeaderAfter(null, ["sharehood.session=a=b==; Path=/"], now)).toBe("sharehood.session=a=b==");
  });
});

describe("sessionCookiesOnly", () => {
  it("keeps the session cookie and its chunks, and drops next-auth's CSRF and callback cookies", () => {
    const kept = sessionCookiesOnly(
      [
        "authjs.csrf-token=abc%7Cdef; Path=/; HttpOnly; SameSite=Lax",
        "authjs.callback-url=http%3A%2F%2Flocalhost; Path=/; HttpOnly; SameSite=Lax",
        "sharehood.session=whole; Path=/; HttpOnly",
        "sharehood.session.1=; Path=/; Max-Age=0",
        "sharehood.sessionx=no; Path=/",
      ],
      "sharehood.session",
    );
    expect(kept).toEqual([
      "sharehood.session=whole; Path=/; HttpOnly",
      "sharehood.session.1=; Path=/; Max-Age=0",
    ]);
  });
});

describe("hasCookie", () => {
  it("finds the session cookie whole or in chunks, and nothing that only starts like it", () => {
    expect(hasCookie("theme=dark; sharehood.session=abc", "sharehood.session")).toBe(true);
    expect(hasCookie("sharehood.session.1=abc", "sharehood.session")).toBe(true);
    expect(hasCookie("sharehood.sessionx=abc; other=sharehood.session", "sharehood.session")).toBe(false);
    expect(hasCookie(null, "sharehood.session")).toBe(false);
  });
});

describe("sessionCookiePairs", () => {
  it("answers the session cookie's pairs in order, without the other cookies", () => {
    expect(
      sessionCookiePairs("a=1; sharehood.session.0=x; b=2; sharehood.session.1=y", "sharehood.session"),
    ).toBe("sharehood.session.0=x; sharehood.session.1=y");
    expect(sessionCookiePairs("a=1", "sharehood.session")).toBe("");
  });
});
