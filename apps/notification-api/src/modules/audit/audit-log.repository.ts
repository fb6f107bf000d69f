import type { AuditEntry } from "@sharehood/sdk/contract";
import type { Db, Tx } from "../../db.ts";

/** An audit entry as stored. */
export interface AuditEntryRow {
  id: string;
  action: string;
  actorId: string;
  actorName: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string | null;
  reason: string | null;
  details: unknown;
  at: Date;
}

/** What the log may be narrowed to (all optional; together they all apply). */
export interface AuditFilter {
  actorId?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
}

const COLUMNS = {
  id: true,
  action: true,
  actorId: true,
  actorName: true,
  subjectType: true,
  subjectId: true,
  subjectLabel: true,
  reason: true,
  details: true,
  at: true,
} as const;

/**
 * The audit log's table, which only ever grows (its trigger refuses UPDATE, DELETE and TRUNCATE).
 * Every read is newest first on (at, id), keyset-paged, so each filter is served by the index that
 * starts with its column and carries that order (see the migration): a page reads `limit` rows.
 */
export const auditLogRepository = {
  /** Adds an entry in the handling of its event; a second delivery of the same event adds nothing. */
  async add(tx: Tx, entry: AuditEntry): Promise<void> {
    await tx.auditEntry.createMany({
      data: [
        {
          id: entry.id,
          action: entry.action,
          actorId: entry.actor.id,
          actorName: entry.actor.name,
          subjectType: entry.subject.type,
          subjectId: entry.subject.id,
          subjectLabel: entry.subject.label,
          reason: entry.reason,
          details: entry.details,
          at: new Date(entry.at),
        },
      ],
      // ON CONFLICT DO NOTHING: never an update, which the table would refuse anyway.
      skipDuplicates: true,
    });
  },

  /** A page of entries matching `filter`, newest first, after the keyset position `after`. */
  async list(
    db: Db,
    filter: AuditFilter,
    page: { limit: number; after?: { at: Date; id: string } },
  ): Promise<AuditEntryRow[]> {
    const { after } = page;
    return db.auditEntry.findMany({
      where: {
        actorId: filter.actorId,
        action: filter.action,
        subjectType: filter.subjectType,
        subjectId: filter.subjectId,
        at: { gte: filter.from, lt: filter.to },
        ...(after ? { OR: [{ at: { lt: after.at } }, { at: after.at, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: page.limit,
      select: COLUMNS,
    });
  },
};
