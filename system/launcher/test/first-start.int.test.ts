import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@sharehood/server-kit/testing";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "sharehood-first-start-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/**
 * The errors the services logged (each log's lines at level error or worse, the last few), so a
 * failed start says why in the test's own output: the logs go with the data folder afterwards.
 */
function serviceErrors(): string {
  const logs = join(dataDir, "logs");
  if (!existsSync(logs)) return "no service logs";
  return readdirSync(logs)
    .map((file) => {
      const errors = readFileSync(join(logs, file), "utf8")
        .split("\n")
        .filter((line) => /"level":(50|60)/.test(line))
        .slice(-5);
      return errors.length > 0 ? `${file}:\n${errors.join("\n")}` : "";
    })
    .filter(Boolean)
    .join("\n");
}

interface Started {
  child: ChildProcess;
  output: () => string;
}

/** `npm start` exactly as a newcomer runs it, with no database configured and an empty data folder. */
function npmStart(ports: { users: number; inventory: number; web: number }): Started {
  const env = { ...process.env };
  for (const name of [
    "DATABASE_URL",
    "REDIS_URL",
    "USER_API_DATABASE_URL",
    "INVENTORY_API_DATABASE_URL",
    "CI",
  ])
    delete env[name];
  const child = spawn("npm", ["start"], {
    cwd: root,
    env: {
      ...env,
      DATA_DIR: dataDir,
      USER_API_PORT: String(ports.users),
      INVENTORY_API_PORT: String(ports.inventory),
      WEB_PORT: String(ports.web),
    },
    detached: true, // its own process group, so the test can send Ctrl-C to all of it
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function waitFor(started: Started, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" within ${timeoutMs} ms:\n${started.output()}`);
    if (started.child.exitCode !== null) throw new Error(`npm start exited early:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Ctrl-C, as a terminal sends it: SIGINT to the whole process group (npm itself dies of it; the
 * launcher stops every service). Resolves once the launcher says it stopped and the ports are free.
 */
async function ctrlC(started: Started, ports: number[]): Promise<void> {
  process.kill(-started.child.pid!, "SIGINT");
  const deadline = Date.now() + 30_000;
  while (!started.output().includes("Stopped.")) {
    if (Date.now() > deadline) throw new Error(`did not stop within 30 s:\n${started.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  for (const port of ports) {
    const answered = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    expect(answered, `port ${port} is released`).toBe(false);
  }
}

const json = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

describe("the README's first command, npm start", () => {
  it("starts everything on the embedded defaults, seeds the demo once, stops cleanly and keeps the data", async () => {
    const ports = { users: await freePort(), inventory: await freePort(), web: await freePort() };
    const first = npmStart(ports);
    await waitFor(first, "Sharehood is running at", 420_000);
    expect(first.output(), serviceErrors()).toContain("Demo catalogue seeded");
    expect((await json(`http://127.0.0.1:${ports.users}/readyz`)).status).toBe(200);
    expect((await json(`http://127.0.0.1:${ports.inventory}/readyz`)).status).toBe(200);
    const items = (await json(`http://127.0.0.1:${ports.inventory}/items?q=drill`)).body.items as {
      id: string;
      title: string;
      photos: unknown[];
    }[];
    const drill = items.find((item) => item.title === "Cordless drill (18V)");
    expect(drill?.photos).toHaveLength(1);
    const newest = (
      (await json(`http://127.0.0.1:${ports.inventory}/items?limit=1`)).body.items as { title: string }[]
    )[0]!;
    const page = await fetch(`http://127.0.0.1:${ports.web}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.includes(newest.title), `the browse page shows "${newest.title}"`).toBe(true);
    await ctrlC(first, Object.values(ports));

    const second = npmStart(ports);
    await waitFor(second, "Sharehood is running at", 240_000);
    expect(second.output()).toContain("Demo catalogue already there");
    const again = await json(`http://127.0.0.1:${ports.inventory}/items/${drill!.id}`);
    expect(again.status).toBe(200);
    expect(again.body.title).toBe("Cordless drill (18V)");
    await ctrlC(second, Object.values(ports));
  });
});
