import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fromRoot, repoRoot } from "./paths.ts";

/** Where a variable is read: the file, relative to the repository root. */
export type Reads = Map<string, Set<string>>;

/**
 * Set by the platform, not configuration, so the README does not list them: Next.js sets
 * NEXT_RUNTIME itself ("nodejs" or "edge") in every process it starts, and the operating system
 * sets PATH, HOME and TMPDIR (test helpers pass them on to the processes they start).
 */
export const PLATFORM_VARIABLES = new Set(["NEXT_RUNTIME", "PATH", "HOME", "TMPDIR"]);

const SOURCE_FILE = /\.(?:ts|tsx|mts|js|mjs)$/;
const SKIPPED_DIRS = new Set(["node_modules", "generated", "dist", ".next"]);

function listDirs(parent: string): string[] {
  const dir = fromRoot(parent);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(dir, entry.name));
}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(path);
    return SOURCE_FILE.test(entry.name) ? [path] : [];
  });
}

/** The `src/` folders of every app and package. */
export const sourceRoots = (): string[] =>
  [...listDirs("apps"), ...listDirs("packages")].map((dir) => join(dir, "src")).filter(existsSync);

/** The environment schema files: `src/env.ts` of every app and package that has one. */
export const envSchemaFiles = (): string[] =>
  sourceRoots()
    .map((src) => join(src, "env.ts"))
    .filter(existsSync);

function add(reads: Reads, name: string, file: string): void {
  const where = relative(repoRoot, file);
  const files = reads.get(name) ?? new Set<string>();
  files.add(where);
  reads.set(name, files);
}

/**
 * The keys of the zod objects in an env schema file. Every such file declares variables as
 * `  NAME: z....` (upper-case keys at the start of a line); nothing else there looks like that.
 */
export function envSchemaKeys(source: string): string[] {
  return [...source.matchAll(/^\s+([A-Z][A-Z0-9_]*)\s*:/gm)].map((match) => match[1] ?? "");
}

/** Every `process.env.NAME` and `process.env["NAME"]` in a source text. */
export function processEnvReads(source: string): string[] {
  return [
    ...source.matchAll(
      /process\.env(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["'`]([A-Za-z_][A-Za-z0-9_]*)["'`]\s*\])/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? "");
}

/** Every variable the code reads, with the files that read it. */
export function variablesReadByCode(): Reads {
  const reads: Reads = new Map();
  for (const file of envSchemaFiles()) {
    for (const name of envSchemaKeys(readFileSync(file, "utf8"))) add(reads, name, file);
  }
  for (const root of sourceRoots()) {
    for (const file of sourceFiles(root)) {
      for (const name of processEnvReads(readFileSync(file, "utf8"))) add(reads, name, file);
    }
  }
  for (const name of PLATFORM_VARIABLES) reads.delete(name);
  return reads;
}

/**
 * The variable names in the first column of the table under the `Configuration` heading (`#` or
 * `##`) of a document, such as docs/configuration.md:
 * every back-quoted upper-case name in that column (a row may list several, such as
 * "`ADMIN_EMAIL`, `ADMIN_PASSWORD`").
 */
export function configurationTableNames(readme: string): Set<string> {
  const lines = readme.split("\n");
  const start = lines.findIndex((line) => /^##?\s+Configuration\s*$/.test(line));
  if (start === -1) throw new Error('no "Configuration" heading');
  const section = lines.slice(start + 1);
  const end = section.findIndex((line) => /^##?\s/.test(line));
  const rows = (end === -1 ? section : section.slice(0, end)).filter((line) =>
    line.trimStart().startsWith("|"),
  );
  if (rows.length < 3) throw new Error('no table under "## Configuration"');
  const names = new Set<string>();
  // Skip the header row and the |---| separator.
  for (const row of rows.slice(2)) {
    const firstCell = row.split("|")[1] ?? "";
    for (const match of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1] ?? "");
  }
  return names;
}
