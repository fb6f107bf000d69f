import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { fromRoot, repoRoot } from "./paths.ts";

/** Where a variable is read: the file, relative to the repository root. */
export type Reads = Map<string, Set<string>>;

/**
 * Set by the platform, not configuration, so nothing declares them: Next.js sets
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

/**
 * The folders whose code reads the environment: `src/` of every app, package and system part (but
 * these checks, whose source mentions `process.env` in examples), the web app's `scripts/`, and the
 * launcher, whose start.mjs sits at its top.
 */
export const sourceRoots = (): string[] =>
  [
    ...[...listDirs("apps"), ...listDirs("packages"), ...listDirs("system")]
      .filter((dir) => !dir.endsWith(join("system", "deploy-checks")))
      .map((dir) => join(dir, "src")),
    fromRoot("apps/web/scripts"),
  ].filter(existsSync);

/** The launcher's own files (`system/launcher/*.mjs`), scanned without its tests. */
const launcherFiles = (): string[] =>
  readdirSync(fromRoot("system/launcher"))
    .filter((name) => name.endsWith(".mjs"))
    .map((name) => fromRoot("system/launcher", name));

/** The environment schema files: `src/env.ts` and `src/env-schema.ts` of every app and package that has one. */
export const envSchemaFiles = (): string[] =>
  sourceRoots()
    .flatMap((src) => [join(src, "env.ts"), join(src, "env-schema.ts")])
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

/**
 * Every `process.env.NAME` and `process.env["NAME"]` read in a source text, and `env.NAME` where the
 * file names `process.env` `env` (`const env = process.env`). Assignments (`process.env.NAME = "1"`)
 * set a variable for a child process or a library; they are not configuration.
 */
export function processEnvReads(source: string): string[] {
  const object = /\bconst env = process\.env\b/.test(source) ? "(?:process\\.env|\\benv)" : "process\\.env";
  const read = new RegExp(
    `${object}(?:\\.([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_])|\\[\\s*["'\`]([A-Za-z_][A-Za-z0-9_]*)["'\`]\\s*\\])(?!\\s*=(?!=))`,
    "g",
  );
  return [...source.matchAll(read)].map((match) => match[1] ?? match[2] ?? "");
}

/** Every variable the code reads, with the files that read it. */
export function variablesReadByCode(): Reads {
  const reads: Reads = new Map();
  for (const file of envSchemaFiles()) {
    for (const name of envSchemaKeys(readFileSync(file, "utf8"))) add(reads, name, file);
  }
  for (const file of [...sourceRoots().flatMap(sourceFiles), ...launcherFiles()]) {
    for (const name of processEnvReads(readFileSync(file, "utf8"))) add(reads, name, file);
  }
  for (const name of PLATFORM_VARIABLES) reads.delete(name);
  return reads;
}
