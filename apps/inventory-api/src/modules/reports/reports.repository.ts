import type { NewDomainEvent } from "@sharehood/sdk";
import { writeEvents } from "@sharehood/server-kit";
import { Prisma, type Db } from "../../db.ts";
import { hideItemIn } from "../items/items.repository.ts";
import { newId } from "../../new-id.ts";
import { SELECT_REPORT, type ReportAction, type ReportRow, type ReportSubjectType } from "./report-row.ts";

const { sql } = Prisma;

/** The item a resolution hid, for the events that tell its owner. */
export interface HiddenItem {
  id: string;
  title: string;
  ownerId: string;
}

export interface Resolution {
  /** The report the admin acted on; every open report on its subject is resolved with it. */
  report: ReportRow;
  action: ReportAction;
  note: string;
  adminId: string;
  /** The events of the resolution, given the reports it resolved and the item it hid. */
  eventsFor: (resolved: ReportRow[], hidden: HiddenItem | null) => NewDomainEvent[];
}

/** The report was resolved by someone else first (it was open when read). */
export class AlreadyResolved extends Error {}

export function createReportsRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  return {
    /**
     * Files a report; null when the reporter already has an open one on the subject. The partial
     * unique index (reports_one_open_key) decides, so two at once cannot both get in.
     */
    async create(report: {
      subjectType: ReportSubjectType;
      subjectId: string;
      subjectUserId: string | null;
      reason: ReportRow["reason"];
      details: string | null;
      reporterId: string;
    }): Promise<string | null> {
      const rows = await db.$queryRaw<{ id: string }[]>`
        INSERT INTO reports (id, subject_type, subject_id, subject_user_id, reason, details, reporter_id)
        VALUES (${newId()}, ${report.subjectType}::"ReportSubjectType", ${report.subjectId}, ${report.subjectUserId},
                ${report.reason}::"ReportReason", ${report.details}, ${report.reporterId})
        ON CONFLICT (reporter_id, subject_type, subject_id) WHERE status = 'open' DO NOTHING
        RETURNING id`;
      return rows[0]?.id ?? null;
    },

    async findById(id: string): Promise<ReportRow | null> {
      const rows = await db.$queryRaw<ReportRow[]>`${SELECT_REPORT} WHERE r.id = ${id}`;
      return rows[0] ?? null;
    },

    /**
     * The moderation queue, keyset-paged on (created_at, id) along the (status, created_at, id)
     * index: open reports oldest first (the longest waiting on top), resolved ones newest first.
     */
    list(options: {
      status: ReportRow["status"];
      subjectType?: ReportSubjectType;
      after?: [string, string];
      limit: number;
    }): Promise<ReportRow[]> {
      const oldestFirst = options.status === "open";
      const where = [sql`r.status = ${options.status}::"ReportStatus"`];
      if (options.subjectType) where.push(sql`r.subject_type = ${options.subjectType}::"ReportSubjectType"`);
      if (options.after) {
        const [at, id] = [sql`${options.after[0]}::timestamptz`, options.after[1]];
        where.push(
          oldestFirst
            ? sql`(r.created_at, r.id) > (${at}, ${id})`
            : sql`(r.created_at, r.id) < (${at}, ${id})`,
        );
      }
      const order = oldestFirst ? sql`r.created_at ASC, r.id ASC` : sql`r.created_at DESC, r.id DESC`;
      return db.$queryRaw`${SELECT_REPORT} WHERE ${Prisma.join(where, " AND ")} ORDER BY ${order} LIMIT ${options.limit}`;
    },

    /** Other reports on the same subject, newest first (the subject index). */
    others(report: ReportRow, limit: number): Promise<ReportRow[]> {
      return db.$queryRaw`
        ${SELECT_REPORT} WHERE r.subject_type = ${report.subjectType}::"ReportSubjectType"
          AND r.subject_id = ${report.subjectId} AND r.id <> ${report.id}
        ORDER BY r.created_at DESC, r.id DESC LIMIT ${limit}`;
    },

    /**
     * Resolves every open report on the subject of `report` in one transaction, hides the item for
     * `hide_item`, and writes the resolution's events with it. Resolutions of one subject take turns
     * (a transaction lock on the subject), so two admins at once cannot both resolve the same
     * reports; the second finds its report resolved and gets AlreadyResolved, with nothing changed.
     */
    async resolve(resolution: Resolution): Promise<void> {
      const { report, action, note, adminId } = resolution;
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`report:${report.subjectType}:${report.subjectId}`}))`;
        const resolved = await tx.$queryRaw<ReportRow[]>`
          WITH resolved AS (
            UPDATE reports SET status = 'resolved', action = ${action}::"ReportAction", note = ${note},
              resolved_by = ${adminId}, resolved_at = now()
            WHERE subject_type = ${report.subjectType}::"ReportSubjectType" AND subject_id = ${report.subjectId}
              AND status = 'open'
            RETURNING id)
          ${SELECT_REPORT} WHERE r.id IN (SELECT id FROM resolved)`;
        if (!resolved.some((row) => row.id === report.id)) throw new AlreadyResolved();
        const hidden =
          action === "hide_item"
            ? await hideItemIn(tx, { id: report.subjectId, reason: note, by: adminId })
            : null;
        await writeEvents(tx, "inventory-api", resolution.eventsFor(resolved, hidden));
      });
      options.onEventsWritten?.();
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
