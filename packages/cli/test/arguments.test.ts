import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configDir } from "../src/config/config-paths.ts";
import { EXIT, exitCodeForStatus } from "../src/exit-codes.ts";
import type { Io } from "../src/io.ts";
import { parseExpiry } from "../src/options.ts";
import { runCli } from "../src/run.ts";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sharehood-cli-unit-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs a command line in this process, with nothing listening at the API addresses. */
async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([]),
    // Port 9 (discard) refuses connections: nothing in these tests should get that far.
    env: { SHAREHOOD_CONFIG_DIR: dir, SHAREHOOD_BASE_URL: "http://127.0.0.1:9" },
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

describe("usage errors exit 2 and say what is wrong, before any request", () => {
  it.each([
    [["items", "show"], /missing required argument 'id'/],
    [["items", "list", "--limit", "500"], /--limit <n>.*must be a whole number from 1 to 100/],
    [["items", "list", "--near", "north"], /must be "<latitude>,<longitude>"/],
    [["items", "create", "--title", "Drill"], /required option '--description <text>' not specified/],
    [["loans", "approve"], /missing required argument 'id'/],
    [["tokens", "create", "--name", "ci"], /required option '--scope <scope>'/],
    [["tokens", "create", "--name", "ci", "--scope", "items:write", "--expires", "soon"], /must be a date/],
    [["items", "frobnicate"], /unknown command 'frobnicate'/],
    [["items", "list", "--colour", "red"], /unknown option '--colour'/],
    [["whoami", "extra"], /too many arguments/],
    [["listen"], /required option '--forward-to <url>'/],
    [["listen", "--forward-to", "localhost:8080"], /--forward-to must be an http\(s\) URL/],
    [
      ["listen", "--forward-to", "http://localhost:8080", "--events", "loan.borrowed"],
      /unknown event type loan\.borrowed/,
    ],
    [["listen", "--forward-to", "http://localhost:8080", "--secret", "hunter2"], /--secret must be whsec_/],
    [["login", "--user-api", "ftp://example.com", "--token", "x"], /not an http\(s\) URL/],
    [["login", "--token", "shp_x", "--with-token"], /not both/],
    [["login"], /no token: pass --token/],
  ])("sharehood %j", async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
    expect(code).toBe(EXIT.usage);
  });

  it("a bare `sharehood` shows the help on stderr and exits 2", async () => {
    const { code, stderr } = await run();
    expect(stderr).toMatch(/Usage: sharehood/);
    expect(code).toBe(EXIT.usage);
  });

  it("--help and --version exit 0 on stdout", async () => {
    const help = await run("items", "list", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--near <lat,lng>/);
    expect((await run("--version")).stdout.trim()).toBe("0.1.0");
  });
});

describe("commands that need a token", () => {
  it("exit 3 with a plain message when nobody signed in", async () => {
    for (const argv of [["whoami"], ["loans", "list"], ["events", "list", "--json"]]) {
      const { code, stdout, stderr } = await run(...argv);
      expect(stderr).toMatch(/^error \(not_signed_in\): not signed in: run "sharehood login"/);
      expect(stdout).toBe("");
      expect(code).toBe(EXIT.auth);
    }
  });

  it("an unreachable API exits 6", async () => {
    const { code, stderr } = await run("items", "list");
    expect(stderr).toMatch(/error \(connection_failed\).*Is the API running/);
    expect(code).toBe(EXIT.unavailable);
  });
});

describe("exit codes for API answers", () => {
  it.each([
    [400, EXIT.usage],
    [401, EXIT.auth],
    [403, EXIT.auth],
    [404, EXIT.notFound],
    [409, EXIT.conflict],
    [412, EXIT.conflict],
    [422, EXIT.conflict],
    [429, EXIT.unavailable],
    [502, EXIT.unavailable],
    [503, EXIT.unavailable],
  ])("HTTP %i exits %i", (status, code) => {
    expect(exitCodeForStatus(status)).toBe(code);
  });
});

describe("configuration folder and option values", () => {
  it("follows SHAREHOOD_CONFIG_DIR, then XDG, then each platform's place", () => {
    expect(configDir({ SHAREHOOD_CONFIG_DIR: "/t/c" }, "linux", "/home/a")).toBe("/t/c");
    expect(configDir({ XDG_CONFIG_HOME: "/x" }, "linux", "/home/a")).toBe("/x/sharehood");
    expect(configDir({}, "linux", "/home/a")).toBe("/home/a/.config/sharehood");
    expect(configDir({}, "darwin", "/Users/a")).toBe("/Users/a/Library/Application Support/sharehood");
    expect(configDir({ APPDATA: "C:\\Users\\a\\AppData\\Roaming" }, "win32", "C:\\Users\\a")).toMatch(
      /Roaming[\\/]sharehood$/,
    );
  });

  it("reads an expiry as a date, a timestamp or days from now", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseExpiry("30d", now)).toBe("2026-01-31T00:00:00.000Z");
    expect(parseExpiry("2026-12-31", now)).toBe("2026-12-31T23:59:59.000Z");
    expect(parseExpiry("2026-06-01T12:00:00+02:00", now)).toBe("2026-06-01T10:00:00.000Z");
  });
});
