import { existsSync, readFileSync, readdirSync } from "node:fs";
import { builtinModules } from "node:module";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { fromRoot } from "../src/paths.ts";

// The API images install production dependencies only, and the bundle keeps every registry package
// external (tooling/build/bundle.mjs). So a package the server code imports must be a `dependency`
// of the workspace whose code imports it, or the image fails at start-up while every local run,
// which has devDependencies too, works.

const builtins = new Set(builtinModules);
const TEST_FILE = /\.test\.tsx?$/;

function serverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return ["generated", "testing"].includes(entry.name) ? [] : serverFiles(path);
    return /\.tsx?$/.test(entry.name) && !TEST_FILE.test(entry.name) ? [path] : [];
  });
}

/** Registry packages a source file loads at run time (type-only imports are erased by the bundler). */
function runtimeImports(source: string): string[] {
  const specifiers = [
    ...source.matchAll(/^\s*(?:import|export)\s+(?!type\s)(?:[^"';]*?\sfrom\s+)?["']([^"']+)["']/gm),
    ...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] ?? "");
  return specifiers
    .filter(
      (s) => !s.startsWith(".") && !s.startsWith("node:") && !builtins.has(s) && !s.startsWith("@sharehood/"),
    )
    .map((s) => (s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : (s.split("/")[0] ?? s)));
}

const workspaces = ["apps/user-api", "apps/inventory-api", "packages/server-kit", "packages/sdk"];

describe.each(workspaces)("%s", (workspace) => {
  test("declares every package its server code imports as a production dependency", () => {
    const manifest = JSON.parse(readFileSync(fromRoot(workspace, "package.json"), "utf8"));
    const dependencies = new Set(Object.keys(manifest.dependencies ?? {}));
    const missing = new Set<string>();
    const src = fromRoot(workspace, "src");
    expect(existsSync(src)).toBe(true);
    for (const file of serverFiles(src)) {
      for (const name of runtimeImports(readFileSync(file, "utf8"))) {
        if (!dependencies.has(name)) missing.add(`${name} (${file.slice(fromRoot(workspace).length + 1)})`);
      }
    }
    expect([...missing].sort()).toEqual([]);
  });
});

test("finds value imports, skips type-only ones and local paths", () => {
  const source = [
    'import express from "express";',
    'import { type Request } from "express-serve-static-core";',
    'import type { Logger } from "pino";',
    'export { z } from "zod";',
    'import "./side-effect.ts";',
    'import { join } from "node:path";',
    'import { readFile } from "fs/promises";',
    'const sharp = await import("sharp");',
    'import { S3Client } from "@aws-sdk/client-s3";',
    'import { contract } from "@sharehood/sdk/contract";',
  ].join("\n");
  expect(runtimeImports(source)).toEqual([
    "express",
    "express-serve-static-core",
    "zod",
    "@aws-sdk/client-s3",
    "sharp",
  ]);
});
