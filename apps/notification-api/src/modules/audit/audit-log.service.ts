import { decodeCursor, encodeCursor } from "@sharehood/server-kit";
import type { AuditEntry, ListAuditLogQuerySchema, Page } from "@sharehood/sdk/contract";
import { z } from "zod";
import type { Db } from "../../db.ts";
import { auditLogRepository, type AuditEntryRow } from "./audit-log.repository.ts";

/** A list position: the last entry's time and id (the sort keys). */
const CursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** The wire shape. Rows were written from validated events, so their strings are the contract's. */
const toAuditEntryDto = (row: AuditEntryRow): AuditEntry => ({
  id: row.id,
  action: row.action as AuditEntry["action"],
  actor: { id: row.actorId, name: row.actorName },
  subject: {
    type: row.subjectType as AuditEntry["subject"]["type"],
    id: row.subjectId,
    label: row.subjectLabel,
  },
  reason: row.reason,
  details: row.details as AuditEntry["details"],
  at: row.at.toISOString(),
});

/** Reading the audit log (admins; the route checks `audit.read`). There is nothing to write here. */
export function createAuditLogService(db: Db) {
  return {
    async list(query: z.output<typeof ListAuditLogQuerySchema>): Promise<Page<AuditEntry>> {
      const position = query.cursor ? decodeCursor(query.cursor, CursorSchema) : undefined;
      const rows = await auditLogRepository.list(
        db,
        {
          actorId: query.actorId,
          action: query.action,
          subjectType: query.subjectType,
          subjectId: query.subjectId,
          from: query.from ? new Date(query.from) : undefined,
          to: query.to ? new Date(query.to) : undefined,
        },
        {
          limit: query.limit + 1,
          after: position ? { at: new Date(position[0]), id: position[1] } : undefined,
        },
      );
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      return {
        items: page.map(toAuditEntryDto),
        nextCursor: rows.length > query.limit && last ? encodeCursor([last.at.toISOString(), last.id]) : null,
      };
    },
  };
}

export type AuditLogService = ReturnType<typeof createAuditLogService>;
