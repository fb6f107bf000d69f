import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ServiceDescriptor } from "./service-descriptor.ts";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Generates the Prisma client and bundles each service (`dist/main.js`), as a suite running bundles needs. */
export function buildBundles(services: readonly Pick<ServiceDescriptor, "workspace">[]): void {
  for (const { workspace } of services) {
    execFileSync(npm, ["run", "--silent", "generate", "-w", workspace], { cwd: root, stdio: "ignore" });
    execFileSync(npm, ["run", "--silent", "build", "-w", workspace], { cwd: root, stdio: "ignore" });
  }
}

/**
 * Runs a script in the foreground of this process, as a Playwright `webServer` command: builds its
 * workspace first when `built` is missing (`npm test` through turbo builds everything beforehand),
 * passes the environment on, forwards SIGINT and SIGTERM, and exits with the script's code.
 */
export function runInForeground(target: {
  workspace: string;
  built: string;
  entry: string;
  cwd: string;
}): void {
  if (!existsSync(target.built)) {
    console.log(`building ${target.workspace}`);
    execFileSync(npm, ["run", "build", "-w", target.workspace], { cwd: root, stdio: "inherit" });
  }
  const child = spawn(process.execPath, [target.entry], {
    cwd: target.cwd,
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
