#!/usr/bin/env node
// `npm start` for the web app: `next start` on PORT (default 3000). A fresh machine has no
// AUTH_SECRET, so one is generated once and kept under .data/ (git-ignored, readable by the owner
// only); every later start reuses it, so sessions survive restarts.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

if (!env.AUTH_SECRET && !env.NEXTAUTH_SECRET) {
  const dataDir = join(appDir, ".data");
  const secretFile = join(dataDir, "auth-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("web: generated a session secret in apps/web/.data/auth-secret");
  }
  env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const port = env.PORT || "3000";
const args = [nextBin, "start", "--port", port];
const child = spawn(process.execPath, args, { cwd: appDir, env, stdio: "inherit" });

for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
