#!/usr/bin/env node
// Starts one service of the end-to-end stack, building it first when it has never been built
// (`npm test` through turbo builds everything beforehand). Forwards signals so Playwright can stop it.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const webDir = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const repoDir = join(webDir, "..", "..");
const service = process.argv[2];
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const services = {
  "user-api": {
    dir: join(repoDir, "apps/user-api"),
    built: "dist/main.js",
    workspace: "@sharehood/user-api",
  },
  "inventory-api": {
    dir: join(repoDir, "apps/inventory-api"),
    built: "dist/main.js",
    workspace: "@sharehood/inventory-api",
  },
  web: { dir: webDir, built: ".next/BUILD_ID", workspace: "@sharehood/web" },
};
const target = services[service];
if (!target) {
  console.error(`usage: run-service.mjs ${Object.keys(services).join("|")}`);
  process.exit(2);
}
if (!existsSync(join(target.dir, target.built))) {
  console.log(`e2e: building ${target.workspace}`);
  execFileSync(npm, ["run", "build", "-w", target.workspace], { cwd: repoDir, stdio: "inherit" });
}
if (service === "user-api" && process.env.E2E_PREPARE_DATABASES) {
  const [server, ...names] = process.env.E2E_PREPARE_DATABASES.split(" ");
  execFileSync(process.execPath, [join(webDir, "e2e/support/prepare-databases.mjs"), server, ...names], {
    stdio: "inherit",
  });
}
const entry = service === "web" ? join(webDir, "scripts/start.mjs") : join(target.dir, "dist/main.js");
const child = spawn(process.execPath, [entry], { cwd: target.dir, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
