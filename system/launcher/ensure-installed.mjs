#!/usr/bin/env node
// Runs `npm ci` when dependencies are missing, so `npm start` and `npm test` work on a fresh clone.
// Plain Node with no dependencies: it runs before anything is installed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Installs dependencies if this checkout has none yet. */
export function ensureInstalled() {
  if (existsSync(join(root, "node_modules", ".package-lock.json"))) return false;
  console.log("Installing dependencies (first run)…");
  const result = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: root,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureInstalled();
