import { describe, expect, it } from "vitest";
import { inDays, newItem } from "./fixtures.ts";

describe("fixtures", () => {
  it("gives every new item a title of its own, and takes overrides", () => {
    const [first, second] = [newItem(), newItem({ categoryId: "garden" })];
    expect(first.title).not.toBe(second.title);
    expect(second).toMatchObject({ categoryId: "garden", condition: "good" });
  });

  it("writes dates as the Inventory API reads them, counted in UTC days", () => {
    expect(inDays(0)).toBe(new Date().toISOString().slice(0, 10));
    expect(inDays(1)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
