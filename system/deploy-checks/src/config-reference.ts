import { format, resolveConfig } from "prettier";
import type { EnvSource, VariableDeclaration } from "./env-declarations.ts";
import { envSources } from "./env-sources.ts";
import { fromRoot } from "./paths.ts";

/** The configuration reference, whose table `npm run docs:config` writes. */
export const CONFIGURATION_PAGE = fromRoot("docs/configuration.md");
export const GENERATED_START = "<!-- generated: npm run docs:config -->";
export const GENERATED_END = "<!-- end generated -->";

/** One row of the table: the cells as Markdown. */
export interface ConfigurationRow {
  variables: string;
  default: string;
  readBy: string;
  meaning: string;
}

/** Everything declared about one variable, across the readers that declare it. */
interface Variable {
  name: string;
  readers: Set<string>;
  declarations: VariableDeclaration[];
}

const code = (name: string): string => `\`${name}\``;

function distinct(values: (string | undefined)[]): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}

function renderValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  return typeof value === "string" ? code(value) : JSON.stringify(value);
}

function collect(sources: EnvSource[]): Map<string, Variable> {
  const variables = new Map<string, Variable>();
  for (const source of sources) {
    for (const declaration of source.variables) {
      const variable = variables.get(declaration.name) ?? {
        name: declaration.name,
        readers: new Set<string>(),
        declarations: [],
      };
      variable.readers.add(source.readBy);
      variable.declarations.push(declaration);
      variables.set(declaration.name, variable);
    }
  }
  return variables;
}

/** The one value the declarations agree on (undefined if none gives one); a disagreement is a problem. */
function agreed(
  variable: Variable,
  key: "description" | "displayDefault" | "sameRowAs" | "alternativeTo",
  problems: string[],
) {
  const values = distinct(variable.declarations.map((declaration) => declaration[key]));
  if (values.length > 1)
    problems.push(`${variable.name}: different ${key}s: ${values.map((v) => JSON.stringify(v)).join(", ")}`);
  return values[0];
}

/**
 * The rows of the configuration table: one per variable, or per group of variables that go together
 * (`sameRowAs`, `alternativeTo`), in the order they are first declared. Throws, listing every
 * problem, when a variable has no description or its readers disagree about it.
 */
export function configurationRows(sources: EnvSource[] = envSources()): ConfigurationRow[] {
  const readerOrder = distinct(sources.map((source) => source.readBy));
  const variables = collect(sources);
  const problems: string[] = [];
  const members = new Map<string, { name: string; label: string }[]>();
  const heads: Variable[] = [];
  for (const variable of variables.values()) {
    const sameRowAs = agreed(variable, "sameRowAs", problems);
    const alternativeTo = agreed(variable, "alternativeTo", problems);
    const head = sameRowAs ?? alternativeTo;
    if (head === undefined) {
      heads.push(variable);
      continue;
    }
    const target = variables.get(head);
    if (!target || target.declarations.some((d) => d.sameRowAs ?? d.alternativeTo)) {
      problems.push(
        `${variable.name}: goes in the row of ${head}, which is not a declared variable with a row of its own`,
      );
      continue;
    }
    const label = sameRowAs ? `, ${code(variable.name)}` : ` (or ${code(variable.name)})`;
    members.set(head, [...(members.get(head) ?? []), { name: variable.name, label }]);
  }
  const rows = heads.map((head) => {
    const group = members.get(head.name) ?? [];
    const readers = new Set(
      [head, ...group.map((member) => variables.get(member.name))].flatMap((v) => [...(v?.readers ?? [])]),
    );
    for (const member of group) {
      const described = variables
        .get(member.name)
        ?.declarations.some((d) => d.description ?? d.displayDefault);
      if (described)
        problems.push(
          `${member.name}: described in the row of ${head.name}, so it takes no description or default of its own`,
        );
    }
    const description = agreed(head, "description", problems);
    if (description === undefined)
      problems.push(`${head.name}: no description (declare one on its schema: .describe("..."))`);
    const defaults = distinct(head.declarations.map((declaration) => renderValue(declaration.defaultValue)));
    return {
      variables: code(head.name) + group.map((member) => member.label).join(""),
      default:
        agreed(head, "displayDefault", problems) ?? (defaults.length > 0 ? defaults.join(" / ") : "unset"),
      readBy: readerOrder.filter((reader) => readers.has(reader)).join(", "),
      meaning: description ?? "",
    };
  });
  if (problems.length > 0)
    throw new Error(`The environment declarations do not make a table:\n${problems.join("\n")}`);
  return rows;
}

const cell = (text: string): string => text.replaceAll("|", "\\|");

/** The table as Markdown, before formatting. */
export function renderConfigurationTable(rows: ConfigurationRow[] = configurationRows()): string {
  const lines = [
    "| variable | default | read by | meaning |",
    "| --- | --- | --- | --- |",
    ...rows.map(
      (row) => `| ${[row.variables, row.default, row.readBy, row.meaning].map(cell).join(" | ")} |`,
    ),
  ];
  return lines.join("\n");
}

/**
 * The configuration page with its generated region (between GENERATED_START and GENERATED_END)
 * rendered from the declarations, formatted as Prettier formats the repository. The prose around the
 * region is kept as it is.
 */
export async function renderConfigurationReference(page: string, rows?: ConfigurationRow[]): Promise<string> {
  const start = page.indexOf(GENERATED_START);
  const end = page.indexOf(GENERATED_END);
  if (start === -1 || end < start) {
    throw new Error(`docs/configuration.md needs the markers ${GENERATED_START} and ${GENERATED_END}`);
  }
  const table = renderConfigurationTable(rows);
  const text = `${page.slice(0, start)}${GENERATED_START}\n\n${table}\n\n${page.slice(end)}`;
  const options = (await resolveConfig(CONFIGURATION_PAGE)) ?? {};
  return format(text, { ...options, filepath: CONFIGURATION_PAGE });
}
