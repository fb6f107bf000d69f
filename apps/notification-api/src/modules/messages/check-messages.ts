import type { Logger } from "@sharehood/server-kit";
import type { Db, Tx } from "../../db.ts";
import type { EmailDraft } from "../email/email-content.ts";
import type { EmailQueue, MessageCheck } from "../email/email-queue.ts";
import type { EmailsRepository } from "../email/emails.repository.ts";
import { peopleRepository } from "../people/people.repository.ts";
import type { PreferencesRepository } from "../preferences/preferences.repository.ts";
import { decideCheck, type MessageEmailTiming } from "./message-email-rule.ts";
import { messageThreadsRepository as threads, type IncomingMessage } from "./message-threads.repository.ts";

/** A message email quotes at most this many (the newest); it says how many more there were. */
const MAX_QUOTED = 10;
/** A check put off is never put off to less than this from now (its own job must have ended). */
const MIN_LATER_MS = 1_000;
const TRANSACTION = { maxWait: 10_000, timeout: 20_000 };

/**
 * Runs a due check of a person's unread messages in a thread, in one transaction holding the
 * thread's row: email them (through the emails table and queue, like loan emails), check again
 * later, or do nothing because everything was read. A check that runs twice (at-least-once jobs)
 * finds the first one's outcome: nothing pending, or a later check already scheduled; the email's
 * key (person, thread, last message) makes a second draft of the same email impossible anyway.
 */
export function createMessageCheck(deps: {
  db: Db;
  emails: EmailsRepository;
  queue: EmailQueue;
  preferences: PreferencesRepository;
  timing: MessageEmailTiming;
  mailDomain: string;
  logger: Logger;
}) {
  /** The email of these unread messages, or null when it is switched off or the address unknown. */
  async function draftOf(tx: Tx, check: MessageCheck, unread: IncomingMessage[]): Promise<EmailDraft | null> {
    const { userId, conversationId } = check;
    if (!(await deps.preferences.settingsOf(userId, tx))["message.created"]) return null;
    const person = (await peopleRepository.findMany(tx, [userId])).get(userId);
    if (!person) {
      deps.logger.warn({ userId, conversationId }, "no address known for a person to email");
      return null;
    }
    const last = unread.at(-1)!;
    return {
      key: `message:${userId}:${conversationId}:${last.seq}`,
      userId,
      to: { name: person.name, address: person.email },
      content: {
        template: "message",
        kind: "message.created",
        senderName: last.authorName,
        itemTitle: last.itemTitle,
        messages: unread
          .slice(-MAX_QUOTED)
          .map((message) => ({ body: message.body, createdAt: message.createdAt.toISOString() })),
        total: unread.length,
        path: `/messages/${conversationId}`,
      },
    };
  }

  return async function checkMessages(check: MessageCheck): Promise<void> {
    const { userId, conversationId } = check;
    const emailed = await deps.db.$transaction(async (tx) => {
      const state = await threads.lock(tx, userId, conversationId);
      // Nothing pending: an earlier run of this check did the work (or the person was forgotten).
      if (!state?.checkAt) return false;
      const unread = await threads.unread(tx, userId, conversationId, state.readSeq);
      const now = new Date();
      const decision = decideCheck(
        { now, oldestUnreadAt: unread[0]?.createdAt ?? null, lastEmailedAt: state.lastEmailedAt },
        deps.timing,
      );
      if (decision.action === "later") {
        const at = new Date(Math.max(decision.at.getTime(), now.getTime() + MIN_LATER_MS));
        await threads.setCheck(tx, userId, conversationId, at);
        await deps.queue.scheduleCheck(tx, check, at);
        return false;
      }
      const last = unread.at(-1);
      if (decision.action === "none" || !last) {
        await threads.setCheck(tx, userId, conversationId, null);
        return false;
      }
      const draft = await draftOf(tx, check, unread);
      const keys = draft ? await deps.emails.insert(tx, [draft], deps.mailDomain) : [];
      await deps.queue.enqueue(tx, keys);
      await threads.settle(tx, {
        userId,
        conversationId,
        throughSeq: last.seq,
        emailedAt: draft ? now : undefined,
      });
      return keys.length > 0;
    }, TRANSACTION);
    if (emailed) deps.queue.nudge();
  };
}
