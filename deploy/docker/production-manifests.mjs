#!/usr/bin/env node
// Used by the Dockerfiles' build stage: `node deploy/docker/production-manifests.mjs <out>`.
//
// Copies package-lock.json, the root package.json and every workspace's package.json into <out>,
// each without devDependencies. The runtime stage then runs `npm ci --omit=dev -w <workspace>` on
// that copy and gets only what the service runs with: npm installs a workspace's own
// devDependencies when the workspace is selected with -w, even with --omit=dev, so they have to go
// from the manifest. The lockfile is kept as it is, so every version stays the locked one (npm ci
// accepts manifests that ask for less than the lockfile holds).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const out = process.argv[2];
if (!out) {
  console.error("usage: production-manifests.mjs <out-dir>");
  process.exit(2);
}

/** @param {string} path */
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** @param {string} relativePath */
function writeWithoutDevDependencies(relativePath) {
  const manifest = readJson(relativePath);
  delete manifest.devDependencies;
  const target = join(out, relativePath);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, `${JSON.stringify(manifest, null, 2)}\n`);
}

const root = readJson("package.json");
/** @type {string[]} */
const patterns = root.workspaces ?? [];
const workspaceDirs = patterns.flatMap((pattern) => {
  if (!pattern.endsWith("/*")) return [pattern];
  const parent = pattern.slice(0, -2);
  if (!existsSync(parent)) return [];
  return readdirSync(parent, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${parent}/${entry.name}`);
});

mkdirSync(out, { recursive: true });
copyFileSync("package-lock.json", join(out, "package-lock.json"));
writeWithoutDevDependencies("package.json");
let count = 0;
for (const dir of workspaceDirs) {
  if (!existsSync(join(dir, "package.json"))) continue;
  writeWithoutDevDependencies(join(dir, "package.json"));
  count += 1;
}
console.log(`production manifests: root and ${count} workspaces -> ${out}`);
