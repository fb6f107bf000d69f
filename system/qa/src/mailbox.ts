import type { TestSmtpServer } from "@sharehood/test-stack";

type ParsedMail = TestSmtpServer["received"][number];

/** One email the Notification API sent, as far as the suites read it. */
export interface Mail {
  /** The addresses of `To:`, lower-cased. */
  to: string[];
  subject: string;
  /** The `token` of the `List-Unsubscribe` link (the API's one-click route), when the email has one. */
  unsubscribeToken?: string;
  /** The `token` of each link to a web page, by the page's path (`/verify-email`, `/reset-password`…). */
  pageTokens: Record<string, string>;
}

/** A raw header's value, unfolded (mailparser structures List-* headers; this reads them as sent). */
function rawHeader(mail: ParsedMail, name: string): string {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line ?? "";
  return line
    .slice(line.indexOf(":") + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim();
}

function readMail(mail: ParsedMail): Mail {
  const pageTokens: Record<string, string> = {};
  for (const [, path = "", token = ""] of (mail.text ?? "").matchAll(
    /https?:\/\/[^\s"'<>/]+(\/[^\s"'<>?]*)\?token=([\w.-]+)/g,
  ))
    pageTokens[path] ??= token;
  const to = [mail.to ?? []]
    .flat()
    .flatMap((group) => group.value.map((a) => a.address?.toLowerCase() ?? ""));
  return {
    to,
    subject: mail.subject ?? "",
    unsubscribeToken: /\?token=([\w.-]+)>/.exec(rawHeader(mail, "List-Unsubscribe"))?.[1],
    pageTokens,
  };
}

/** What the stack's SMTP server received, read for the links a person would click. */
export class Mailbox {
  readonly all: Mail[] = [];

  constructor(readonly smtp: TestSmtpServer) {}

  /** The emails received since the last call. */
  read(): Mail[] {
    const fresh = this.smtp.received.slice(this.all.length).map(readMail);
    this.all.push(...fresh);
    return fresh;
  }

  /** The first email (already received or arriving within `ms`) that `matches`. */
  async waitFor(matches: (mail: Mail) => boolean, what: string, ms = 10_000): Promise<Mail> {
    const deadline = Date.now() + ms;
    for (;;) {
      this.read();
      const found = this.all.find(matches);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no email ${what} within ${ms} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
