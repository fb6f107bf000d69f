import { createHash } from "node:crypto";
import type { Db, Tx } from "../../db.ts";
import { EmailContentSchema, kindOf, type EmailContent, type EmailDraft } from "./email-content.ts";

/** An email due to be sent, as the sender needs it. */
export interface DueEmail {
  key: string;
  userId: string | null;
  kind: string;
  to: string;
  content: EmailContent;
  messageId: string;
  createdAt: Date;
}

/** A Message-ID derived from the email's key: a resend after a crash carries the same one. */
export function messageIdOf(key: string, fromDomain: string): string {
  return `<${createHash("sha256").update(key).digest("hex").slice(0, 32)}@${fromDomain}>`;
}

/** `"Name" <address>`, the name stripped of what could break out of its quotes or its header line. */
const formatAddress = (to: EmailDraft["to"]): string =>
  `"${[...to.name].filter((c) => c !== '"' && c !== "\\" && c >= " " && c !== "\x7f").join("")}" <${to.address}>`;

/** How long a sender holds an email before another may assume it crashed (longer than any SMTP timeout). */
const LEASE_MS = 5 * 60_000;

export function createEmailsRepository(db: Db) {
  return {
    /** Records the emails decided by an event's handling, in its transaction; answers the keys new here. */
    async insert(tx: Tx, drafts: readonly EmailDraft[], fromDomain: string): Promise<string[]> {
      const inserted: string[] = [];
      for (const draft of drafts) {
        const rows = await tx.$executeRaw`
          INSERT INTO emails (key, user_id, kind, "to", data, message_id)
          VALUES (${draft.key}, ${draft.userId}, ${kindOf(draft.content)},
                  ${formatAddress(draft.to)},
                  ${JSON.stringify(draft.content)}::jsonb, ${messageIdOf(draft.key, fromDomain)})
          ON CONFLICT (key) DO NOTHING`;
        if (rows === 1) inserted.push(draft.key);
      }
      return inserted;
    },

    /**
     * Takes the email to send it: answers it when it is still due and nobody else holds it,
     * `done` when it was sent, skipped or forgotten meanwhile, `busy` while another sender holds it.
     * The lease is taken in one statement, so two replicas never both get it.
     */
    async take(key: string): Promise<DueEmail | "done" | "busy"> {
      const rows = await db.$queryRaw<
        (Omit<DueEmail, "content" | "userId" | "messageId" | "createdAt"> & {
          user_id: string | null;
          data: unknown;
          message_id: string;
          created_at: Date;
          taken: boolean;
        })[]
      >`
        WITH due AS (
          UPDATE emails SET lease_until = now() + make_interval(secs => ${LEASE_MS / 1000}), attempts = attempts + 1
          WHERE key = ${key} AND sent_at IS NULL AND skipped_at IS NULL
            AND (lease_until IS NULL OR lease_until < now())
          RETURNING key
        )
        SELECT e.key, e.user_id, e.kind, e."to", e.data, e.message_id, e.created_at,
               e.sent_at IS NULL AND e.skipped_at IS NULL AS due,
               EXISTS (SELECT 1 FROM due) AS taken
        FROM emails e WHERE e.key = ${key}`;
      const row = rows[0] as ((typeof rows)[number] & { due: boolean }) | undefined;
      if (!row || !row.due) return "done";
      if (!row.taken) return "busy";
      return {
        key: row.key,
        userId: row.user_id,
        kind: row.kind,
        to: row.to,
        content: EmailContentSchema.parse(row.data),
        messageId: row.message_id,
        createdAt: row.created_at,
      };
    },

    /** Sent: never again. Its content (one-time tokens included) is no longer needed. */
    async markSent(key: string): Promise<void> {
      await db.$executeRaw`
        UPDATE emails SET sent_at = now(), lease_until = NULL, last_error = NULL, data = '{}'::jsonb WHERE key = ${key}`;
    },

    /** Not sent, on purpose (the kind was switched off before its turn). */
    async markSkipped(key: string): Promise<void> {
      await db.$executeRaw`
        UPDATE emails SET skipped_at = now(), lease_until = NULL, data = '{}'::jsonb WHERE key = ${key}`;
    },

    /** The attempt failed: free it for the next one. */
    async release(key: string, error: string): Promise<void> {
      await db.$executeRaw`
        UPDATE emails SET lease_until = NULL, last_error = ${error.slice(0, 500)} WHERE key = ${key}`;
    },

    /** Drops a person's emails (they deleted their account); a job left for one finds nothing to do. */
    async forgetPerson(tx: Tx, userId: string): Promise<void> {
      await tx.email.deleteMany({ where: { userId } });
    },

    /** Deletes emails finished longer ago than `before` (they only serve to refuse a resend). */
    async purgeFinished(before: Date): Promise<number> {
      return db.$executeRaw`
        DELETE FROM emails WHERE COALESCE(sent_at, skipped_at) < ${before}`;
    },
  };
}

export type EmailsRepository = ReturnType<typeof createEmailsRepository>;
