// The end-to-end suite's mailbox: the test stack's real SMTP server (`smtp-server`, messages parsed
// with `mailparser`) with an HTTP side that serves what it received, so that the specs, which run
// in Playwright's worker processes, can read them.
//
// Start it once for the run, either from Playwright's `globalSetup` (mailbox-setup.ts: it returns
// the teardown) or as a `webServer` entry (`node --import tsx e2e/support/mailbox.ts`, ready when
// `${MAILBOX_URL}/healthz` answers). Point the Notification API's SMTP_URL at `E2E_SMTP_URL`.
// Specs call `waitForEmail(address, ...)`; addresses are unique per test, so nothing is cleared.
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import type { ParsedMail } from "mailparser";
import { startTestSmtpServer } from "@sharehood/test-stack";

export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
export const MAILBOX_PORT = Number(process.env.E2E_MAILBOX_PORT ?? 3126);
/** For the Notification API's SMTP_URL. Plain SMTP on loopback: no TLS, no authentication. */
export const E2E_SMTP_URL = `smtp://127.0.0.1:${SMTP_PORT}`;
export const MAILBOX_URL = `http://127.0.0.1:${MAILBOX_PORT}`;

/** One message as the SMTP server received it. */
export interface ReceivedEmail {
  from: string;
  subject: string;
  text: string;
  html: string;
  /** Each header's raw value by lower-cased name (`list-unsubscribe`, ...); the last one wins. */
  headers: Record<string, string>;
}

function toReceived(mail: ParsedMail): ReceivedEmail {
  return {
    from: mail.from?.text ?? "",
    subject: mail.subject ?? "",
    text: mail.text ?? "",
    html: typeof mail.html === "string" ? mail.html : "",
    headers: Object.fromEntries(
      mail.headerLines.map(({ key, line }) => [key, line.slice(line.indexOf(":") + 1).trim()]),
    ),
  };
}

/**
 * Starts the SMTP server and the HTTP side that serves what it received:
 * `GET /messages?to=<address>` (delivered to it, oldest first), `GET /healthz`. Answers the
 * function that stops both.
 */
export async function startMailbox(
  ports: { smtp?: number; http?: number } = {},
): Promise<() => Promise<void>> {
  const smtp = await startTestSmtpServer({ port: ports.smtp ?? SMTP_PORT });
  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", MAILBOX_URL);
    if (url.pathname === "/healthz") {
      response.end("ok");
      return;
    }
    if (url.pathname === "/messages" && request.method === "GET") {
      const to = url.searchParams.get("to");
      const messages = to ? smtp.to(to) : smtp.received;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify(messages.map(toReceived)));
      return;
    }
    response.statusCode = 404;
    response.end();
  });
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(ports.http ?? MAILBOX_PORT, "127.0.0.1", () => resolve());
  });
  return async () => {
    http.closeAllConnections();
    await Promise.all([smtp.stop(), new Promise<void>((resolve) => http.close(() => resolve()))]);
  };
}

/** Every message delivered to this address so far, oldest first. */
export async function emailsTo(address: string): Promise<ReceivedEmail[]> {
  const response = await fetch(`${MAILBOX_URL}/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`mailbox: ${response.status} from ${MAILBOX_URL}`);
  return (await response.json()) as ReceivedEmail[];
}

/** The links of a message (its HTML's hrefs, then any URL in its text), as URLs. */
export function linksIn(email: ReceivedEmail): URL[] {
  const hrefs = [...email.html.matchAll(/href="([^"]+)"/g)].map((match) => decodeEntities(match[1] ?? ""));
  const bare = [...email.text.matchAll(/https?:\/\/[^\s<>")\]]+/g)].map((match) => match[0]);
  return [...hrefs, ...bare].filter((href) => URL.canParse(href)).map((href) => new URL(href));
}

function decodeEntities(value: string): string {
  return value.replaceAll("&amp;", "&").replaceAll("&#x3D;", "=").replaceAll("&#61;", "=");
}

/** The first link of a message to this page of the web app (`/reset-password`), or undefined. */
export function linkTo(email: ReceivedEmail, pathname: string): URL | undefined {
  return linksIn(email).find((url) => url.pathname === pathname);
}

/** Whether a message links to this page of the web app. */
export const linksTo =
  (pathname: string) =>
  (email: ReceivedEmail): boolean =>
    linkTo(email, pathname) !== undefined;

/**
 * Waits until the address has received a message that `matches` (by default, any), and answers
 * the newest such one. `after` skips what had arrived before it (a count from `emailsTo`).
 */
export async function waitForEmail(
  address: string,
  options: { matches?: (email: ReceivedEmail) => boolean; after?: number; timeoutMs?: number } = {},
): Promise<ReceivedEmail> {
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  for (;;) {
    const found = (await emailsTo(address))
      .slice(options.after ?? 0)
      .filter((email) => options.matches?.(email) ?? true);
    const newest = found.at(-1);
    if (newest) return newest;
    if (Date.now() > deadline) {
      throw new Error(`mailbox: no matching email to ${address} within ${options.timeoutMs ?? 20_000} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

// Run directly (a Playwright `webServer` entry): serve until stopped.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const stop = await startMailbox();
  console.log(`mailbox: SMTP on ${E2E_SMTP_URL}, messages on ${MAILBOX_URL}/messages?to=`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(0)));
  }
}
