/** A column of a table: its heading and how to read a row's cell. */
export interface Column<Row> {
  header: string;
  cell: (row: Row) => string | number | null | undefined;
  /** Numbers and sizes read better aligned right. */
  align?: "left" | "right";
  /** Never cut (ids: a cut id cannot be copied into the next command). */
  whole?: boolean;
}

const GAP = "  ";
const ELLIPSIS = "…";
/** A column is never narrowed below this many characters (or its heading, if shorter). */
const MIN_WIDTH = 6;

/** A cell as one line: newlines and tabs become spaces, nothing becomes an empty string. */
function flatten(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  return String(value).replace(/[\r\n\t]+/g, " ");
}

/** Cuts `text` to `width` characters, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
  const chars = Array.from(text);
  if (chars.length <= width) return text;
  if (width <= 0) return "";
  return chars.slice(0, width - 1).join("") + ELLIPSIS;
}

const length = (text: string) => Array.from(text).length;

/**
 * Narrows the widest columns one character at a time until the row fits `maxWidth`, so short
 * columns (ids, statuses) stay whole and long ones (titles, URLs) give way.
 */
function fitWidths(widths: number[], floors: number[], maxWidth: number): number[] {
  const fitted = [...widths];
  const total = () => fitted.reduce((sum, w) => sum + w, 0) + GAP.length * (fitted.length - 1);
  while (total() > maxWidth) {
    let widest = -1;
    for (const [index, width] of fitted.entries()) {
      if (width > floors[index]! && (widest < 0 || width > fitted[widest]!)) widest = index;
    }
    if (widest < 0) break;
    fitted[widest]! -= 1;
  }
  return fitted;
}

/**
 * Renders rows as an aligned plain-text table with a heading line, each line at most `maxWidth`
 * characters when the columns can be narrowed that far (long cells end with "…").
 */
export function renderTable<Row>(columns: Column<Row>[], rows: Row[], maxWidth = Infinity): string {
  const cells = rows.map((row) => columns.map((column) => flatten(column.cell(row))));
  const natural = columns.map((column, index) =>
    Math.max(length(column.header), ...cells.map((line) => length(line[index]!))),
  );
  const floors = natural.map((width, index) =>
    columns[index]!.whole ? width : Math.min(width, Math.max(MIN_WIDTH, length(columns[index]!.header))),
  );
  const widths = fitWidths(natural, floors, maxWidth);
  const line = (values: string[]) =>
    values
      .map((value, index) => {
        const text = truncate(value, widths[index]!);
        const pad = " ".repeat(widths[index]! - length(text));
        if (index === values.length - 1 && columns[index]!.align !== "right") return text;
        return columns[index]!.align === "right" ? pad + text : text + pad;
      })
      .join(GAP);
  return [line(columns.map((column) => column.header)), ...cells.map(line)].join("\n");
}

/** Renders `label: value` lines with the labels aligned, values cut to `maxWidth`. */
export function renderFields(
  fields: [string, string | number | null | undefined][],
  maxWidth = Infinity,
): string {
  const labelWidth = Math.max(...fields.map(([label]) => length(label))) + 1;
  return fields
    .map(([label, value]) => {
      const head = `${label}:`.padEnd(labelWidth + 1);
      return head + truncate(flatten(value) || "-", Math.max(10, maxWidth - head.length));
    })
    .join("\n");
}
