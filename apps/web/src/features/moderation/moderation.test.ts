import { describe, expect, it } from "vitest";
import { ageText } from "@/features/moderation/age";
import { queueFiltersFrom, queueHref } from "@/features/moderation/queue-filters";

describe("the moderation queue's filters", () => {
  it("read the URL, leave out anything malformed, and write it back without defaults", () => {
    const filters = queueFiltersFrom({
      status: "resolved",
      type: ["message", "item"],
      cursor: "abc",
      done: "x",
    });
    expect(filters).toEqual({ status: "resolved", type: "message", cursor: "abc", done: null });
    expect(queueFiltersFrom({ status: "closed", type: "loan" })).toEqual({
      status: "open",
      type: null,
      cursor: null,
      done: null,
    });
    // A new filter starts at the first page and drops the status message.
    expect(queueHref({ ...filters, done: "dismiss" }, { type: "user" })).toBe(
      "/admin/reports?status=resolved&type=user",
    );
    expect(queueHref(filters, { status: "open", type: null })).toBe("/admin/reports");
    expect(queueHref(queueFiltersFrom({}), { done: "hide_item" })).toBe("/admin/reports?done=hide_item");
  });
});

describe("a report's age", () => {
  it("says the largest whole unit", () => {
    const now = Date.parse("2026-12-10T12:00:00Z");
    expect(ageText("2026-12-10T11:59:30Z", now)).toBe("just now");
    expect(ageText("2026-12-10T11:59:00Z", now)).toBe("1 minute ago");
    expect(ageText("2026-12-10T09:00:00Z", now)).toBe("3 hours ago");
    expect(ageText("2026-12-08T11:00:00Z", now)).toBe("2 days ago");
  });
});
