import { spawn } from "node:child_process";
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import {
  createWebhookSecret,
  type AccessTokenList,
  type CreatedWebhook,
  type Item,
  type LoanDetail,
  type Webhook as SharehoodWebhook,
} from "@sharehood/sdk";
import { requestLoan, startInProcessStack, type InProcessStack, type Neighbour } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The real `sharehood` command, run as a child process against the real APIs: one stack for the file.
const BIN = fileURLToPath(new URL("../bin/sharehood.mjs", import.meta.url));

let stack: InProcessStack;
let configDir: string;
let owner: Neighbour;
let borrower: Neighbour;
let pat: string;

/** The environment of every run: this machine's, without any SHAREHOOD_* of the person running the tests. */
function baseEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith("SHAREHOOD_")),
  );
  return { ...env, SHAREHOOD_CONFIG_DIR: configDir, NO_COLOR: "1" };
}

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  return spawn(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env } });
}

/** Runs `sharehood …` to the end: its exit code and output. */
async function sharehood(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  const child = start(args, options.env);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(options.input ?? "");
  const [code] = (await once(child, "close")) as [number];
  return { code, stdout, stderr };
}

/** Runs a `--json` command that must succeed, and parses what it printed. */
async function json<T>(args: string[]): Promise<T> {
  const { code, stdout, stderr } = await sharehood([...args, "--json"]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  return JSON.parse(stdout) as T;
}

beforeAll(async () => {
  stack = await startInProcessStack(
    "cli",
    { users: userApiService, inventory: inventoryApiService, notifications: notificationApiService },
    { notifications: { WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true" } },
  );
  configDir = await mkdtemp(join(tmpdir(), "sharehood-cli-"));
  [owner, borrower] = await Promise.all([stack.signUp("Olivia"), stack.signUp("Ben")]);
  const created = await owner.client.tokens.create({
    body: {
      name: "cli test",
      scopes: ["items:write", "loans:read", "loans:write", "messages:write", "webhooks:manage"],
    },
  });
  pat = created.token;
});

afterAll(async () => {
  await stack?.close();
  if (configDir) await rm(configDir, { recursive: true, force: true });
});

// Each run starts a Node with tsx (about a second, more on a busy machine): tests get two minutes.
describe("sharehood, the command-line client", { timeout: 120_000 }, () => {
  it("signs in with a personal access token from stdin and keeps it readable by its owner only", async () => {
    const login = await sharehood(
      [
        "login",
        "--with-token",
        "--user-api",
        stack.users.url,
        "--inventory-api",
        stack.inventory.url,
        "--notification-api",
        stack.notifications!.url,
      ],
      { input: `${pat}\n` },
    );
    expect(login.stdout).toContain("Signed in as Olivia");
    expect(login.code).toBe(0);
    expect(login.stdout + login.stderr).not.toContain(pat);

    const file = join(configDir, "config.json");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(configDir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(file, "utf8"))).toMatchObject({
      token: pat,
      userApiUrl: stack.users.url,
    });

    const me = await json<{ user: { email: string }; token: { prefix: string } }>(["whoami"]);
    expect(me.user.email).toBe(owner.email);
    expect(me.token.prefix).toBe(pat.slice(0, 8));
  });

  it("lists, shows and creates items, in tables and as JSON", async () => {
    const item = await json<Item>([
      "items",
      "create",
      "--title",
      "Hedge trimmer",
      "--description",
      "Cordless, 50 cm blade.",
      "--category",
      "garden",
    ]);
    expect(item).toMatchObject({ title: "Hedge trimmer", owner: { id: owner.id } });

    // Reads are independent: run them side by side (each run starts a Node).
    const [page, table, shown, missing] = await Promise.all([
      json<{ items: { id: string }[]; nextCursor: string | null }>([
        "items",
        "list",
        "--category",
        "garden",
        "--all",
      ]),
      sharehood(["items", "search", "hedge trimmer"]),
      sharehood(["items", "show", item.id]),
      sharehood(["items", "show", "no-such-item"]),
    ]);
    expect(page.items.map((listed) => listed.id)).toContain(item.id);
    expect(page.nextCursor).toBeNull();
    expect(table.code).toBe(0);
    expect(table.stdout.split("\n")[0]).toMatch(/^ID\s+TITLE\s+CATEGORY\s+CONDITION\s+OWNER/);
    expect(table.stdout).toMatch(new RegExp(`${item.id}\\s+Hedge trimmer\\s+garden\\s+good\\s+Olivia`));
    expect(shown.stdout).toMatch(/Title:\s+Hedge trimmer/);
    expect(shown.stdout).toContain("Cordless, 50 cm blade.");
    expect(missing.stderr).toMatch(/^error \(not_found\): /);
    expect(missing.code).toBe(4);
  });

  it("approves and declines requests for the owner's items", async () => {
    const item = await owner.client.items.create({
      body: { title: "Ladder", description: "Three metres.", categoryId: "tools", condition: "good" },
    });
    const first = await requestLoan(borrower.client, item.id, { from: 2, to: 4 });
    const second = await requestLoan(borrower.client, item.id, { from: 10, to: 12 });

    const requested = await json<{ items: { id: string }[] }>([
      "loans",
      "list",
      "--role",
      "owner",
      "--status",
      "requested",
    ]);
    expect(requested.items.map((loan) => loan.id).sort()).toEqual([first.id, second.id].sort());

    const [approved, declined] = await Promise.all([
      sharehood(["loans", "approve", first.id]),
      json<LoanDetail>(["loans", "decline", second.id, "--reason", "Away that week, sorry"]),
    ]);
    expect(approved.stdout).toContain(`Approved loan ${first.id} of "Ladder": now approved.`);
    expect(approved.code).toBe(0);

    expect(declined.status).toBe("declined");
    const thread = await borrower.client.conversations.messages({ params: { id: declined.conversationId! } });
    expect(thread.items.map((message) => message.body)).toContain("Away that week, sorry");

    const again = await sharehood(["loans", "approve", second.id]);
    expect(again.stderr).toMatch(/^error \(conflict\): /);
    expect(again.code).toBe(5);
  });

  it("exits 3 for a refused token, 2 for a wrong command line", async () => {
    const [refused, usage] = await Promise.all([
      sharehood(["whoami"], { env: { SHAREHOOD_TOKEN: "shp_not-a-real-token" } }),
      sharehood(["loans", "decline"]),
    ]);
    expect(refused.stderr).toMatch(/^error \(unauthenticated\): .*\nThe token was refused/);
    expect(refused.code).toBe(3);

    expect(usage.stderr).toContain("missing required argument 'id'");
    expect(usage.code).toBe(2);
  });

  it("manages tokens with a session signed in for the one command, never with a token", async () => {
    const withPat = await sharehood(["tokens", "list"]);
    expect(withPat.stderr).toContain(
      "tokens are managed from the web settings page or with a signed-in session",
    );
    expect(withPat.code).toBe(3);

    const session = ["--email", owner.email, "--password-stdin"];
    const created = await sharehood(
      ["tokens", "create", "--name", "nightly", "--scope", "loans:read", "--expires", "30d", ...session],
      {
        input: owner.password,
      },
    );
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^shp_/);

    const listed = await sharehood(["tokens", "list", "--json", ...session], { input: owner.password });
    const names = (JSON.parse(listed.stdout) as AccessTokenList).items.map((token) => token.name);
    expect(names.sort()).toEqual(["cli test", "nightly"]);
  });

  it("registers, lists and deletes webhooks", async () => {
    const created = await json<CreatedWebhook>([
      "webhooks",
      "create",
      "--url",
      "http://127.0.0.1:9/hook",
      "--event",
      "loan.requested,loan.approved",
    ]);
    expect(created.secret).toMatch(/^whsec_/);
    expect(
      (await json<{ items: SharehoodWebhook[] }>(["webhooks", "list"])).items.map((hook) => hook.id),
    ).toEqual([created.id]);
    expect((await sharehood(["webhooks", "delete", created.id])).code).toBe(0);
  });

  it("listen forwards a new event to a local receiver, signed per Standard Webhooks", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const receiver: Server = createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push({ headers: request.headers, body });
        response.writeHead(204).end();
      });
    });
    receiver.listen(0, "127.0.0.1");
    await once(receiver, "listening");
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const secret = createWebhookSecret();
    const listener = start([
      "listen",
      "--forward-to",
      url,
      "--secret",
      secret,
      "--interval",
      "0.2",
      "--events",
      "loan.requested",
    ]);
    let stdout = "";
    let stderr = "";
    listener.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    listener.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await expect.poll(() => stderr, { timeout: 20_000 }).toContain("Ready");
      expect(stderr).toContain(`Signing secret: ${secret}`);

      const item = await owner.client.items.create({
        body: { title: "Tent", description: "Sleeps four.", categoryId: "camping", condition: "good" },
      });
      const loan = await requestLoan(borrower.client, item.id, { from: 5, to: 6 });

      await expect.poll(() => received.length, { timeout: 30_000 }).toBeGreaterThan(0);
      const [delivery] = received;
      const headers = Object.fromEntries(
        Object.entries(delivery!.headers).map(([name, value]) => [name, String(value)]),
      );
      const event = new Webhook(secret).verify(delivery!.body, headers) as {
        type: string;
        data: { subject: { id: string } };
      };
      expect(event).toMatchObject({ type: "loan.requested", data: { subject: { id: loan.id } } });
      await expect.poll(() => stdout).toMatch(/loan\.requested .*→ 204/);
    } finally {
      listener.kill("SIGINT");
      receiver.close();
    }
    const [code] = (await once(listener, "close")) as [number];
    expect(stderr).toContain("Stopped");
    expect(code).toBe(0);
  }, 90_000);
});
