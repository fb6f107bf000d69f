#!/usr/bin/env node
// `npm start` for the web app: scripts/server.mjs (Next.js on PORT, default 3000). A fresh machine
// has no AUTH_SECRET, so one is generated once and kept under .data/ (git-ignored, readable by the
// owner only); every later start reuses it, so sessions survive restarts.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..");

if (!process.env.AUTH_SECRET && !process.env.NEXTAUTH_SECRET) {
  const dataDir = join(appDir, ".data");
  const secretFile = join(dataDir, "auth-secret");
  if (!existsSync(secretFile)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
    console.log("web: generated a session secret in apps/web/.data/auth-secret");
  }
  process.env.AUTH_SECRET = readFileSync(secretFile, "utf8").trim();
}

// In this process, not a child: the server reads the environment set above, and signals reach it.
await import("./server.mjs");
