import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ServiceProcess } from "./service-process.ts";

describe("a service process", () => {
  it("fails its start with the exit code and what the process printed, without waiting out the timeout", async () => {
    const script = join(mkdtempSync(join(tmpdir(), "test-stack-")), "crash.mjs");
    writeFileSync(script, 'console.error("refusing to start: no database"); process.exit(3);\n');
    const started = Date.now();
    const crashing = new ServiceProcess("crash", 1, {}, script);
    await expect(crashing.start(10_000)).rejects.toThrow(/crash exited with 3:\n.*no database/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
