#!/usr/bin/env node
// `npm start`: the whole product on one machine, for a newcomer. Installs dependencies on the first
// run, builds, starts the User API, the Inventory API, the Notification API and the web app (on the embedded defaults
// unless DATABASE_URLs / REDIS_URL are set), seeds a demo catalogue once, and prints where to go.
// One line per step; each service's own log goes to .data/logs/<service>.log. Ctrl-C stops all.
// Plain Node with no dependencies, because it runs before `npm ci` on a fresh clone.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureInstalled } from "./ensure-installed.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
const env = process.env;
const dataDir = env.DATA_DIR ?? join(root, ".data");
const logDir = join(dataDir, "logs");
const ports = {
  users: env.USER_API_PORT ?? "4001",
  inventory: env.INVENTORY_API_PORT ?? "4002",
  notifications: env.NOTIFICATION_API_PORT ?? "4003",
  web: env.WEB_PORT ?? "3000",
};
const portVariables = {
  users: "USER_API_PORT",
  inventory: "INVENTORY_API_PORT",
  notifications: "NOTIFICATION_API_PORT",
  web: "WEB_PORT",
};
const host = env.PUBLIC_HOST ?? "localhost";
const urls = {
  users: `http://127.0.0.1:${ports.users}`,
  inventory: `http://127.0.0.1:${ports.inventory}`,
  notifications: `http://127.0.0.1:${ports.notifications}`,
  web: `http://${host}:${ports.web}`,
};
const green = (s) => (process.stdout.isTTY ? `\x1b[32m${s}\x1b[0m` : s);
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const say = (line) => console.log(line);

function run(step, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env: { ...env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    say(`✘ ${step} failed:\n${(result.stdout ?? "").slice(-4000)}${(result.stderr ?? "").slice(-4000)}`);
    process.exit(1);
  }
  say(`${green("✔")} ${step} (${Math.round((Date.now() - started) / 1000)} s)`);
}

/**
 * Runs the demo seed without blocking this process (the services' logs and a crash or Ctrl-C are
 * still heard meanwhile; `stop` ends it with the services). Answers its exit status and output.
 */
function runSeed([command, ...args], seedEnv) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: seedEnv, stdio: ["ignore", "pipe", "pipe"] });
    children.push({ name: "demo seed", child });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

// Something already answering on our ports would be taken for the services we start.
for (const [name, port] of Object.entries(ports)) {
  if (
    await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    )
  ) {
    say(
      `✘ Port ${port} (${name}) is already in use. Is Sharehood already running? Stop it, or set ${portVariables[name]}.`,
    );
    process.exit(1);
  }
}

if (ensureInstalled()) say(`${green("✔")} Installed dependencies`);
run("Built the services and the web app", "npx", [
  "turbo",
  "run",
  "build",
  "--output-logs=errors-only",
  "--log-order=grouped",
]);
mkdirSync(logDir, { recursive: true });

const children = [];
let stopping = false;

function start(name, script, extraEnv) {
  const log = createWriteStream(join(logDir, `${name}.log`), { flags: "a" });
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: { ...env, DATA_DIR: dataDir, NODE_ENV: env.NODE_ENV ?? "production", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  child.on("exit", (code, signal) => {
    if (stopping) return;
    say(
      `✘ ${name} stopped unexpectedly (${signal ?? `exit ${code}`}). Its log, ${join(logDir, `${name}.log`)}, ends with:`,
    );
    say(
      readFileSync(join(logDir, `${name}.log`), "utf8")
        .split("\n")
        .slice(-15)
        .join("\n"),
    );
    void stop(1);
  });
  children.push({ name, child });
  return child;
}

/** Polls `url` until it answers (for up to two minutes); answers the seconds since `since`. */
async function waitFor(name, url, since = Date.now()) {
  const timeoutMs = 120_000;
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (stopping) return;
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return Math.round((Date.now() - since) / 1000);
    await new Promise((r) => setTimeout(r, 250));
  }
  say(`✘ ${name} did not become ready within ${timeoutMs / 1000} s; see ${join(logDir, `${name}.log`)}`);
  await stop(1);
}

async function stop(code) {
  if (stopping) return;
  stopping = true;
  say("\nStopping…");
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise((resolve) => {
          // Gone already (exited, or killed by the Ctrl-C that reached the whole process group).
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 15_000).unref();
        }),
    ),
  );
  say("Stopped. Your data is kept in " + dataDir);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

const shared = { REDIS_URL: env.REDIS_URL ?? "", REDIS_NAMESPACE: env.REDIS_NAMESPACE ?? "sharehood" };
// The web app signs the address of each person it signs in with this, so the User API's limits
// per address count people rather than the web server. It only has to live as long as this run.
const serviceSecret = env.SERVICE_SECRET ?? randomBytes(32).toString("base64url");
// With Redis, events travel on a Redis Stream. Without it (the embedded default), the User and
// Inventory APIs push their events straight to the Notification API, which checks this secret.
const events = shared.REDIS_URL
  ? {}
  : {
      EVENTS_PUSH_URLS: `${urls.notifications}/internal/events`,
      EVENTS_SECRET: env.EVENTS_SECRET ?? randomBytes(32).toString("base64url"),
    };
const webUrl = env.AUTH_URL ?? urls.web;
const mailDir = join(dataDir, "mail");
start("notification-api", "apps/notification-api/dist/main.js", {
  ...shared,
  ...(events.EVENTS_SECRET ? { EVENTS_SECRET: events.EVENTS_SECRET } : {}),
  PORT: ports.notifications,
  DATABASE_URL: env.NOTIFICATION_API_DATABASE_URL ?? "",
  MIGRATE_ON_START: "true",
  USER_API_URL: urls.users,
  PUBLIC_WEB_URL: env.PUBLIC_WEB_URL ?? webUrl,
  PUBLIC_URL: env.NOTIFICATION_PUBLIC_URL ?? `http://${host}:${ports.notifications}`,
  SMTP_URL: env.SMTP_URL ?? "",
});
start("user-api", "apps/user-api/dist/main.js", {
  ...shared,
  ...events,
  SERVICE_SECRET: serviceSecret,
  PORT: ports.users,
  DATABASE_URL: env.USER_API_DATABASE_URL ?? "",
  MIGRATE_ON_START: "true",
  PUBLIC_URL: env.USER_PUBLIC_URL ?? `http://${host}:${ports.users}`,
});
start("inventory-api", "apps/inventory-api/dist/main.js", {
  ...shared,
  ...events,
  PORT: ports.inventory,
  DATABASE_URL: env.INVENTORY_API_DATABASE_URL ?? "",
  MIGRATE_ON_START: "true",
  USER_API_URL: urls.users,
  PUBLIC_URL: env.INVENTORY_PUBLIC_URL ?? `http://${host}:${ports.inventory}`,
  // Calendar feeds link each loan to its page on the web app.
  PUBLIC_WEB_URL: env.PUBLIC_WEB_URL ?? webUrl,
});
let waited = await waitFor("user-api", `${urls.users}/readyz`);
say(
  `${green("✔")} User API          ${`http://${host}:${ports.users}`}  (docs: /docs)  ready in ${waited} s`,
);
waited = await waitFor("inventory-api", `${urls.inventory}/readyz`);
say(
  `${green("✔")} Inventory API     ${`http://${host}:${ports.inventory}`}  (docs: /docs)  ready in ${waited} s`,
);
waited = await waitFor("notification-api", `${urls.notifications}/readyz`);
say(
  `${green("✔")} Notification API  ${`http://${host}:${ports.notifications}`}  (docs: /docs)  ready in ${waited} s`,
);
say(
  env.SMTP_URL
    ? `${green("✔")} Email goes out through ${new URL(env.SMTP_URL).host}`
    : `${green("✔")} Email is not sent (no SMTP_URL): each message is written to ${mailDir} as an .eml file`,
);

// The web app boots while the demo is seeded: it reads nothing before it is asked for a page, and
// the first page is asked for once the seed is done, so it never shows (or keeps) a half-seeded one.
const webEntry = "apps/web/scripts/start.mjs";
const webStarted = Date.now();
const hasWeb = existsSync(join(root, webEntry));
if (hasWeb) {
  start("web", webEntry, {
    PORT: ports.web,
    SERVICE_SECRET: serviceSecret,
    USER_API_URL: urls.users,
    INVENTORY_API_URL: urls.inventory,
    NOTIFICATION_API_URL: urls.notifications,
    AUTH_URL: env.AUTH_URL ?? urls.web,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? urls.web,
    // As in the web app's image: a larger young generation serves about 30% more pages per second.
    NODE_OPTIONS: [env.NODE_OPTIONS, "--max-semi-space-size=32"].filter(Boolean).join(" "),
  });
}

if (env.SEED_DEMO_DATA !== "false") {
  // tsx as a loader of this Node rather than through npx, which took seconds to find it.
  const seed = await runSeed([process.execPath, "--import", "tsx", "system/demo/src/seed-main.ts"], {
    ...env,
    USER_API_URL: urls.users,
    INVENTORY_API_URL: urls.inventory,
  });
  // The seed's own lines, from its summary on (anything printed before them is left out).
  const lines = seed.stdout.trim().split("\n");
  const summary = Math.max(
    0,
    lines.findLastIndex((line) => line.startsWith("Demo catalogue")),
  );
  say(
    seed.status === 0
      ? lines
          .slice(summary)
          .map((line) => `${green("✔")} ${line}`)
          .join("\n")
      : `✘ Demo catalogue not seeded:\n${seed.stdout}${seed.stderr}`,
  );
}

if (hasWeb) {
  waited = await waitFor("web", `http://127.0.0.1:${ports.web}/`, webStarted);
  say(`${green("✔")} Web app           ${urls.web}  ready in ${waited} s`);
}

say(`
${bold(`Sharehood is running at ${urls.web}`)}
Sign in as a neighbour: alice@example.com, bob@example.com, chloe@example.com or dev@example.com
(or the admin, admin@example.com), all with the password sharehood-demo.
Logs: ${logDir}   Press Ctrl-C to stop.`);
