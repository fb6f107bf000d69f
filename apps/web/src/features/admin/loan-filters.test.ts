import { describe, expect, it } from "vitest";
import { idFromReference, loanFiltersFrom, loansHref, loansQueryFor } from "@/features/admin/loan-filters";

const USER = "01968a3e-7c1b-7d2e-9f00-123456789abc";
const ITEM = "01968a3e-7c1b-7d2e-9f00-00000000000a";

describe("loanFiltersFrom", () => {
  it("reads the state, the person, the item and the page from the URL", () => {
    expect(
      loanFiltersFrom({ state: "overdue", user: USER, item: `https://x.test/items/${ITEM}`, cursor: "c1" }),
    ).toEqual({
      state: "overdue",
      userId: USER,
      person: "",
      item: `https://x.test/items/${ITEM}`,
      itemId: ITEM,
      cursor: "c1",
    });
  });

  it("leaves out what is not a state or an id", () => {
    const filters = loanFiltersFrom({
      state: "lost",
      user: "not an id!",
      item: "hello world",
      person: " Ann ",
    });
    expect(filters).toMatchObject({
      state: null,
      userId: null,
      itemId: null,
      person: "Ann",
      item: "hello world",
    });
  });
});

describe("loansQueryFor", () => {
  it("asks for overdue loans, or for one status", () => {
    expect(loansQueryFor(loanFiltersFrom({ state: "overdue" }), null, 20)).toEqual({
      overdue: "true",
      limit: 20,
    });
    expect(loansQueryFor(loanFiltersFrom({ state: "active", item: ITEM }), USER, 20)).toEqual({
      status: "active",
      userId: USER,
      itemId: ITEM,
      limit: 20,
    });
  });
});

describe("loansHref", () => {
  it("keeps the other filters, and starts paging over when one changes", () => {
    const filters = loanFiltersFrom({ state: "requested", user: USER, cursor: "c1" });
    expect(loansHref(filters, { state: "overdue" })).toBe(`/admin/loans?state=overdue&user=${USER}`);
    expect(loansHref(filters, { cursor: "c2" })).toBe(`/admin/loans?state=requested&user=${USER}&cursor=c2`);
    expect(loansHref(filters, { user: null, state: null })).toBe("/admin/loans");
  });
});

describe("idFromReference", () => {
  it("takes an id or the last segment of a pasted link", () => {
    expect(idFromReference(ITEM)).toBe(ITEM);
    expect(idFromReference(`http://localhost:3000/items/${ITEM}/?x=1`)).toBe(ITEM);
    expect(idFromReference("two words")).toBeNull();
  });
});
