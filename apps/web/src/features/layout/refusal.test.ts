import { describe, expect, it } from "vitest";
import { refusalFor } from "@/features/layout/refusal";

describe("refusalFor", () => {
  it("reads the admin area, with or without a section and a query", () => {
    expect(refusalFor("/admin")).toEqual({ kind: "admin" });
    expect(refusalFor("/admin/loans?state=overdue")).toEqual({ kind: "admin" });
    expect(refusalFor("/administrator")).toEqual({ kind: "other" });
  });

  it("reads a loan page and an item's edit page, with the item's id", () => {
    expect(refusalFor("/loans/abc123")).toEqual({ kind: "loan" });
    expect(refusalFor("/loans")).toEqual({ kind: "other" });
    expect(refusalFor("/items/it%2D1/edit?photos=incomplete")).toEqual({ kind: "item-edit", itemId: "it-1" });
    expect(refusalFor("/items/it1")).toEqual({ kind: "other" });
  });
});
