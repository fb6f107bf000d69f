import { describe, expect, it } from "vitest";
import { auditFiltersFrom, auditQueryFor } from "@/features/audit/audit-filters";

const ID = "01968a3e-7c1b-7d2e-9f00-123456789abc";

describe("the audit log's filters", () => {
  it("read the URL, take an id from a pasted link, and ask for whole days, the last one included", () => {
    const filters = auditFiltersFrom({
      action: "item.hidden",
      subject: `https://sharehood.example/items/${ID}?x=1`,
      from: "2026-12-01",
      to: "2026-12-31",
      actor: ID,
    });
    expect(filters).toMatchObject({ action: "item.hidden", subjectId: ID, subjectInvalid: false });
    expect(auditQueryFor(filters, ID)).toEqual({
      action: "item.hidden",
      actorId: ID,
      subjectId: ID,
      from: "2026-12-01T00:00:00.000Z",
      to: "2027-01-01T00:00:00.000Z",
    });
  });

  it("leave out what is malformed, and say so for a subject that is not an id", () => {
    const filters = auditFiltersFrom({
      action: "item.burned",
      subject: "a drill?",
      from: "2026-13-45",
      actor: "x y",
    });
    expect(filters).toMatchObject({
      action: null,
      subjectId: "",
      subjectInvalid: true,
      from: "",
      actorId: null,
    });
    expect(auditQueryFor(filters, null)).toEqual({});
  });
});
