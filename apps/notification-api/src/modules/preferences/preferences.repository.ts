import { EMAIL_DEFAULTS, EMAIL_KINDS, type EmailKind } from "@sharehood/sdk/contract";
import type { Db, Tx } from "../../db.ts";

/** Every kind with whether it is emailed: the person's choice, else the default. */
export type EmailSettings = Record<EmailKind, boolean>;

const isKind = (kind: string): kind is EmailKind => (EMAIL_KINDS as readonly string[]).includes(kind);

function settingsOf(rows: readonly { kind: string; email: boolean }[]): EmailSettings {
  const settings = { ...EMAIL_DEFAULTS };
  for (const row of rows) if (isKind(row.kind)) settings[row.kind] = row.email;
  return settings;
}

/** Only the kinds someone chose are stored; the others follow EMAIL_DEFAULTS, even when those change. */
export function createPreferencesRepository(db: Db) {
  return {
    async settingsOf(userId: string, tx: Tx | Db = db): Promise<EmailSettings> {
      return settingsOf(
        await tx.emailPreference.findMany({ where: { userId }, select: { kind: true, email: true } }),
      );
    },

    /** Several people's settings in one query (an event's recipients). */
    async settingsOfMany(tx: Tx, userIds: readonly string[]): Promise<Map<string, EmailSettings>> {
      const rows = await tx.emailPreference.findMany({ where: { userId: { in: [...userIds] } } });
      return new Map(userIds.map((id) => [id, settingsOf(rows.filter((row) => row.userId === id))]));
    },

    /**
     * Stores the kinds given (one upsert per kind, in one transaction). In the kinds' order, not the
     * body's: two changes of the same person at once then lock the rows in the same order and one
     * waits for the other, where opposite orders deadlocked.
     */
    async update(userId: string, changes: Partial<Record<EmailKind, boolean>>): Promise<EmailSettings> {
      const ordered = Object.entries(changes).sort(([a], [b]) => a.localeCompare(b));
      return db.$transaction(async (tx) => {
        for (const [kind, email] of ordered)
          await tx.emailPreference.upsert({
            where: { userId_kind: { userId, kind } },
            create: { userId, kind, email },
            update: { email },
          });
        return this.settingsOf(userId, tx);
      });
    },

    async forgetPerson(tx: Tx, userId: string): Promise<void> {
      await tx.emailPreference.deleteMany({ where: { userId } });
    },
  };
}

export type PreferencesRepository = ReturnType<typeof createPreferencesRepository>;
