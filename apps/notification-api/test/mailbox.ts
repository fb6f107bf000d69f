import type { ParsedMail } from "mailparser";
import { accountEvent, eventually } from "./events.ts";
import type { NotificationStack } from "./stack.ts";

/** Verification tokens these tests publish themselves start with this. */
export const OURS = "test-token-";

/** A raw header line's value (mailparser structures List-* headers; the tests read them as sent). */
export function header(mail: ParsedMail, name: string): string | undefined {
  const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line
    ?.slice(line.indexOf(":") + 1)
    .replace(/\r?\n\s+/g, " ")
    .trim();
}

/** Reading a stack's SMTP server the way the email tests need to (the stack as of each call). */
export function mailboxOf(current: () => NotificationStack) {
  /**
   * The emails to `address`, but for the verification email the User API has everyone sent on
   * registration (through this service: its events flow here too).
   */
  const mailsTo = (address: string) =>
    current()
      .smtp.to(address)
      .filter((mail) => !mail.text?.includes("/verify-email?token=") || mail.text.includes(OURS));

  /** Waits for the `n`th email to `address` (see `mailsTo`). */
  const nthEmailTo = (address: string, n = 1) =>
    eventually(() => (mailsTo(address).length >= n ? mailsTo(address)[n - 1] : undefined));

  return {
    mailsTo,
    nthEmailTo,
    /**
     * Waits until every event published so far has been handled and every email job has run: a
     * verification email published last arrives, and the queue is empty. Only then can a test say
     * that an email did NOT come.
     */
    settle: async (): Promise<void> => {
      const stack = current();
      const marker = await stack.signUp("Marker");
      await stack.publish(
        accountEvent(
          "account.verification_requested",
          { id: marker.id, name: marker.name, email: marker.email },
          `${OURS}marker-0123456789`,
        ),
      );
      await nthEmailTo(marker.email);
      await eventually(async () => (await stack.notifications.api.emailQueue.backlog()) === 0);
    },
  };
}
