import { EMAIL_KINDS, type EmailKind } from "@sharehood/sdk/contract";
import type { Logger } from "@sharehood/server-kit";
import type { PreferencesRepository } from "../preferences/preferences.repository.ts";
import type { UnsubscribeTokens } from "../unsubscribe/unsubscribe-token.ts";
import type { SendJob } from "./email-queue.ts";
import type { EmailsRepository } from "./emails.repository.ts";
import type { MailTransport } from "./mail-transport.ts";
import { renderEmail } from "./render-email.tsx";

const isSwitchable = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

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
  /** This API's public origin: the unsubscribe links' target. */
  publicUrl: string;
  logger: Logger;
}): SendJob {
  const unsubscribeUrlOf = (userId: string, kind: EmailKind) => {
    const url = new URL("/unsubscribe", deps.publicUrl);
    url.searchParams.set("token", deps.tokens.sign(userId, kind));
    return url.toString();
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
      return;
    }
    const unsubscribeUrl = switchable ? unsubscribeUrlOf(switchable.userId, switchable.kind) : undefined;
    try {
      const rendered = await renderEmail(email.content, { webUrl: deps.webUrl, unsubscribeUrl });
      await deps.transport.send(
        {
          from: deps.from,
          to: email.to,
          subject: rendered.subject,
          html: rendered.html,
          text: rendered.text,
          messageId: email.messageId,
          headers: unsubscribeUrl
            ? {
                "List-Unsubscribe": `<${unsubscribeUrl}>`,
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
              }
            : {},
        },
        fileNameOf(email.createdAt, email.messageId),
      );
    } catch (error) {
      const message = (error as Error).message;
      await deps.emails.release(key, message);
      if (isLastAttempt) deps.logger.error({ key, err: message }, "email given up after its last attempt");
      else deps.logger.warn({ key, err: message }, "email not sent; it will be retried");
      throw error;
    }
    await deps.emails.markSent(key);
  };
}
