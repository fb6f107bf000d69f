import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { createEventBus, createLogger, EVENTS_SECRET_HEADER } from "@sharehood/server-kit";
import { NotificationApiEnvSchema } from "../src/env.ts";
import { startServer, stopServer } from "../src/server.ts";
import { eventually, loanBetween, loanEvent, registered, type Person } from "./events.ts";

const dataDir = mkdtempSync(join(tmpdir(), "sharehood-notifications-embedded-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET = "embedded-events-secret-of-32-characters";
const owner: Person = { id: "owner-embedded", name: "Olga", email: "olga@example.com" };
const borrower: Person = { id: "borrower-embedded", name: "Bert", email: "bert@example.com" };

// The embedded default, as `npm start` runs it: no DATABASE_URL (PGlite behind a local socket, and
// pg-boss's email jobs on it), no REDIS_URL (events pushed over HTTP to /internal/events), no
// SMTP_URL (each email written as an .eml file under the data folder).
describe("embedded default (no DATABASE_URL, REDIS_URL or SMTP_URL)", () => {
  it("takes pushed events, and writes each email once as an .eml file", async () => {
    const server = await startServer(
      NotificationApiEnvSchema.parse({
        LOG_LEVEL: "silent",
        NODE_ENV: "test",
        PORT: "0",
        DATA_DIR: dataDir,
        EVENTS_SECRET: SECRET,
        PUBLIC_WEB_URL: "http://web.test",
        EMAIL_POLL_SECONDS: "0.5",
      }),
    );
    try {
      const pushUrl = `${server.url}/internal/events`;
      const refused = await fetch(pushUrl, {
        method: "POST",
        headers: { "content-type": "application/json", [EVENTS_SECRET_HEADER]: "wrong" },
        body: JSON.stringify({ events: [] }),
      });
      expect(refused.status).toBe(401);

      const bus = createEventBus({
        logger: createLogger("test", "silent"),
        pushUrls: [pushUrl],
        secret: SECRET,
      });
      const loan = loanBetween(owner, borrower);
      const request = loanEvent("loan.requested", loan, borrower.id);
      await bus.publish([registered(owner), registered(borrower), request]);
      await bus.publish([request]); // delivered again, as after a relay's crash

      const mailDir = join(dataDir, "mail");
      const emls = () => (existsSync(mailDir) ? readdirSync(mailDir).filter((f) => f.endsWith(".eml")) : []);
      // The embedded database is slow on a busy machine: up to 40 s, not the usual 15.
      const [file] = await eventually(() => (emls().length > 0 ? emls() : undefined), 40_000);
      const mail = await simpleParser(readFileSync(join(mailDir, file!)));
      expect(mail.subject).toBe("New request for Cordless drill");
      expect(mail.text).toContain(`http://web.test/loans/${loan.id}`);
      expect(mail.headerLines.some((h) => h.key === "list-unsubscribe-post")).toBe(true);

      await eventually(async () => (await server.api.emailQueue.backlog()) === 0, 40_000);
      expect(emls()).toHaveLength(1);
      expect(await server.api.db.notification.count({ where: { userId: owner.id } })).toBe(1);
    } finally {
      await stopServer(server);
    }
    // PGlite's start and migrations take most of it: about 23 s alone on two cores, past 30 s
    // beside the other test files on a busy machine.
  }, 90_000);
});
