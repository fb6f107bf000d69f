import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Notification } from "@sharehood/sdk";
import { check } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { StoryState } from "./story-state.ts";

const WAIT_MS = 15_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `find` answers something, or gives up after WAIT_MS. */
async function waitFor<T>(find: () => Promise<T | undefined>): Promise<T | undefined> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const found = await find();
    if (found !== undefined || Date.now() > deadline) return found;
    await sleep(250);
  }
}

/**
 * The `.eml` file written for this address recently (the Notification API writes each email to a
 * file when no SMTP server is configured), newest first; undefined when there is none.
 */
async function emailFileTo(mailDir: string, address: string, since: number): Promise<string | undefined> {
  const names = await readdir(mailDir).catch(() => [] as string[]);
  const recent: { path: string; modified: number }[] = [];
  for (const name of names.filter((n) => n.endsWith(".eml"))) {
    const path = join(mailDir, name);
    const modified = (await stat(path)).mtimeMs;
    if (modified >= since) recent.push({ path, modified });
  }
  recent.sort((a, b) => b.modified - a.modified);
  const addressed = (text: string) =>
    text
      .split(/\r?\n/)
      .some((line) => /^to:/i.test(line) && line.toLowerCase().includes(address.toLowerCase()));
  for (const { path } of recent) if (addressed(await readFile(path, "utf8"))) return path;
  return undefined;
}

/** Olivia hears about Ben's request: in her notifications at once, and by email. */
export function ownerNotifiedStep(state: StoryState): Step {
  return {
    title: "Olivia is told about the request, in the app and by email",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      const loan = need(state.loan, "Ben's request");
      const requestedAt = Date.now() - 60_000;
      const notification = await waitFor<Notification>(async () => {
        const page = await owner.client.notifications.list({ query: { limit: 10 } });
        return page.items.find((n) => n.type === "loan.requested" && n.url === `/loans/${loan.id}`);
      });
      check(notification !== undefined, `no notification about loan ${loan.id} within ${WAIT_MS / 1000} s`);
      const { count } = await owner.client.notifications.unreadCount({});
      const lines = [
        `"${notification.title}" in Olivia's notifications (${count} unread), linking to ${notification.url}`,
      ];
      const { smtpUrl, mailDir } = state.options;
      if (smtpUrl) {
        lines.push(`the email went to the SMTP server at ${new URL(smtpUrl).host}`);
      } else {
        const file = await waitFor(() => emailFileTo(mailDir, owner.email, requestedAt));
        check(file !== undefined, `no email to ${owner.email} in ${mailDir} within ${WAIT_MS / 1000} s`);
        lines.push(`no SMTP server is configured, so the email was written to ${file}`);
      }
      return lines;
    },
  };
}
