import { EMAIL_KINDS, type EmailKind } from "@sharehood/sdk/contract";
import type { Logger } from "@sharehood/server-kit";
import type { NotificationMetrics } from "../notifications/notification-metrics.ts";
import type { PreferencesRepository } from "../preferences/preferences.repository.ts";
import type { UnsubscribeTokens } from "../unsubscribe/unsubscribe-token.ts";
import type { SendJob } from "./email-queue.ts";
import type { EmailsRepository } from "./emails.repository.ts";
import type { MailTransport } from "./mail-transport.ts";
import { renderEmail } from "./render-email.tsx";

const isSwitchable = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

/** The address of MAIL_FROM (`Name <a@b>` or `a@b`). */
const addressOf = (from: string) => /<([^<>]+)>\s*$/.exec(from)?.[1] ?? from.trim();

/** `20261201-1330-<hash>`: sorts by when the email was decided, and is the same for every retry. */
const fileNameOf = (createdAt: Date, messageId: string) =>
  `${createdAt.toISOString().replace(/\D/g, "").slice(0, 12)}-${messageId.slice(1, 17)}`;

/**
 * Sends one email job. The `emails` row decides: an email already sent (before a crash, by another
 * replica) is never sent again; one whose kind was switched off meanwhile is skipped; otherwise it
 * is rendered, handed to SMTP (or written to a file) and marked sent. A failure frees it and
 * throws, so pg-boss retries it with back-off.
 */
export function createEmailSender(deps: {
  emails: EmailsRepository;
  preferences: PreferencesRepository;
  transport: MailTransport;
  tokens: UnsubscribeTokens;
  from: string;
  webUrl: string;
  /** This API's public origin: the one-click (`List-Unsubscribe`) target. */
  publicUrl: string;
  metrics: Pick<NotificationMetrics, "emails">;
  logger: Logger;
}): SendJob {
  // Two links with one signed token: mail programs POST to this API itself (RFC 8058, no person
  // involved), and the link people click opens the web app's page, which asks before it acts (a
  // mail scanner following links must not unsubscribe anyone).
  const unsubscribeUrlsOf = (userId: string, kind: EmailKind) => {
    const token = deps.tokens.sign(userId, kind);
    const oneClick = new URL("/unsubscribe", deps.publicUrl);
    const page = new URL("/unsubscribe", deps.webUrl);
    for (const url of [oneClick, page]) url.searchParams.set("token", token);
    return { oneClick: oneClick.toString(), page: page.toString() };
  };

  return async function sendEmail(key, { isLastAttempt }) {
    const email = await deps.emails.take(key);
    if (email === "done") return;
    if (email === "busy") throw new Error("another sender holds this email; trying again later");
    // Loan emails can be switched off, up to the moment they are sent; account emails cannot.
    const { userId, kind } = email;
    const switchable = userId !== null && isSwitchable(kind) ? { userId, kind } : undefined;
    if (switchable && !(await deps.preferences.settingsOf(switchable.userId))[switchable.kind]) {
      await deps.emails.markSkipped(key);
      deps.metrics.emails.inc({ kind, outcome: "skipped" });
      return;
    }
    const unsubscribe = switchable ? unsubscribeUrlsOf(switchable.userId, switchable.kind) : undefined;
    try {
      const rendered = await renderEmail(email.content, {
        webUrl: deps.webUrl,
        unsubscribeUrl: unsubscribe?.page,
        contactAddress: addressOf(deps.from),
      });
      await deps.transport.send(
        {
          from: deps.from,
          to: email.to,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          messageId: email.messageId,
          headers: unsubscribe
            ? {
                "List-Unsubscribe": `<${unsubscribe.oneClick}>`,
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              }
            : {},
        },
        fileNameOf(email.createdAt, email.messageId),
      );
    } catch (error) {
      const message = (error as Error).message;
      await deps.emails.release(key, message);
      deps.metrics.emails.inc({ kind, outcome: isLastAttempt ? "given_up" : "retrying" });
      if (isLastAttempt) deps.logger.error({ key, err: message }, "email given up after its last attempt");
      else deps.logger.warn({ key, err: message }, "email not sent; it will be retried");
      throw error;
    }
    await deps.emails.markSent(key);
    deps.metrics.emails.inc({ kind, outcome: "sent" });
  };
}
