import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../src/paths.ts";

// CI lints and typechecks the Node side in one run over one program (tsconfig.node.json and the
// root `lint:node` script) instead of workspace by workspace. A workspace missing from those would
// go unchecked in CI without anyone noticing; these tests notice.

/** Workspaces checked with the browser's settings (DOM, Next, React) instead of the Node side's. */
const BROWSER_WORKSPACES = ["apps/web", "packages/ui"];

const rootPackage = JSON.parse(readFileSync(fromRoot("package.json"), "utf8")) as {
  workspaces: string[];
  scripts: Record<string, string>;
};
const nodeWorkspaces = rootPackage.workspaces
  .flatMap((pattern) =>
    pattern.endsWith("/*")
      ? readdirSync(fromRoot(pattern.slice(0, -2)), { withFileTypes: true })
          .filter((entry) => entry.isDirectory())
          .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
      : [pattern],
  )
  .filter((dir) => existsSync(fromRoot(dir, "tsconfig.json")) && !BROWSER_WORKSPACES.includes(dir));

/** A tsconfig's `include` (tsconfig files may hold comments and trailing commas). */
function includesOf(file: string): string[] {
  const text = readFileSync(file, "utf8")
    .replace(/^\s*\/\/.*$/gm, "")
    .replace(/,(\s*[\]}])/g, "$1");
  return (JSON.parse(text) as { include?: string[] }).include ?? [];
}

describe("the Node side's one-program checks", () => {
  const covered = new Set(includesOf(fromRoot("tsconfig.node.json")));
  const linted = rootPackage.scripts["lint:node"]!.split(/\s+/).slice(1);

  test.each(nodeWorkspaces)("%s is typechecked by tsconfig.node.json", (dir) => {
    const includes = includesOf(join(fromRoot(dir), "tsconfig.json"))
      .filter((include) => existsSync(fromRoot(dir, include.replace("*.ts", ""))))
      .map((include) => `${dir}/${include}`);
    expect(includes.filter((include) => !covered.has(include))).toEqual([]);
  });

  test.each(nodeWorkspaces)("%s is linted by lint:node", (dir) => {
    expect(linted.some((path) => dir === path || dir.startsWith(`${path}/`))).toBe(true);
  });
});
