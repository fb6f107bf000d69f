import { describe, expect, it } from "vitest";
import { renderFields, renderTable, truncate, type Column } from "../src/output/table.ts";

interface Row {
  id: string;
  title: string;
  count: number;
}

const columns: Column<Row>[] = [
  { header: "ID", cell: (row) => row.id },
  { header: "TITLE", cell: (row) => row.title },
  { header: "COUNT", cell: (row) => row.count, align: "right" },
];

const rows: Row[] = [
  { id: "a1", title: "Cordless drill", count: 3 },
  { id: "b22", title: "A very long ladder that reaches the roof of a three storey house", count: 12 },
];

describe("renderTable", () => {
  it("aligns every column under its heading, numbers to the right", () => {
    expect(renderTable(columns, rows).split("\n")).toEqual([
      "ID   TITLE                                                             COUNT",
      "a1   Cordless drill                                                        3",
      "b22  A very long ladder that reaches the roof of a three storey house     12",
    ]);
  });

  it("narrows the widest column to fit the terminal, ending cut cells with an ellipsis", () => {
    const lines = renderTable(columns, rows, 40).split("\n");
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(40);
    expect(lines).toEqual([
      "ID   TITLE                         COUNT",
      "a1   Cordless drill                    3",
      "b22  A very long ladder that rea…     12",
    ]);
  });

  it("keeps short columns whole and stops narrowing at a floor when the terminal is tiny", () => {
    expect(renderTable(columns, rows, 5).split("\n")).toEqual([
      "ID   TITLE   COUNT",
      "a1   Cordl…      3",
      "b22  A ver…     12",
    ]);
  });

  it("never cuts a column marked whole (ids are copied into the next command)", () => {
    const withIds: Column<Row>[] = [
      { ...columns[0]!, cell: (row) => `${row.id}-0123456789abcdef`, whole: true },
      columns[1]!,
    ];
    const lines = renderTable(withIds, rows, 30).split("\n");
    expect(lines[2]).toMatch(/^b22-0123456789abcdef {2}A very …$/);
  });

  it("writes a cell on one line and empty for null", () => {
    const text = renderTable(
      [{ header: "NOTE", cell: (row: { note: string | null }) => row.note }],
      [{ note: "two\nlines" }, { note: null }],
    );
    expect(text.split("\n")).toEqual(["NOTE", "two lines", ""]);
  });
});

describe("truncate and renderFields", () => {
  it("cuts by characters, not bytes", () => {
    expect(truncate("café au lait", 5)).toBe("café…");
    expect(truncate("short", 10)).toBe("short");
  });

  it("aligns labels and shows a dash for missing values", () => {
    expect(
      renderFields([
        ["Id", "a1"],
        ["Location", null],
      ]),
    ).toBe("Id:       a1\nLocation: -");
  });
});
