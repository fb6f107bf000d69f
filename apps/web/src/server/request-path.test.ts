import { describe, expect, it } from "vitest";
import { pagePathOf } from "@/server/request-path";

describe("pagePathOf", () => {
  it("keeps the path and the query a page was opened with", () => {
    expect(pagePathOf(new URL("http://x.test/admin/loans?state=overdue&user=u1"))).toBe(
      "/admin/loans?state=overdue&user=u1",
    );
    expect(pagePathOf(new URL("http://x.test/loans"))).toBe("/loans");
  });

  it("leaves out Next's _rsc cache-buster of client navigations", () => {
    expect(pagePathOf(new URL("http://x.test/loans?view=owner&_rsc=1x2y"))).toBe("/loans?view=owner");
    expect(pagePathOf(new URL("http://x.test/profile?_rsc=abc"))).toBe("/profile");
  });
});
