import type { Report } from "@sharehood/sdk";
import { Prisma } from "../../db.ts";

export type ReportSubjectType = Report["subjectType"];
export type ReportAction = NonNullable<Report["resolution"]>["action"];

/** A report as the repository returns it, with the names the owners table knows. */
export interface ReportRow {
  id: string;
  subjectType: ReportSubjectType;
  subjectId: string;
  subjectUserId: string | null;
  reason: Report["reason"];
  details: string | null;
  reporterId: string;
  reporterName: string;
  status: Report["status"];
  createdAt: Date;
  action: ReportAction | null;
  note: string | null;
  resolvedBy: string | null;
  resolverName: string;
  resolvedAt: Date | null;
}

// Reporters and admins have all been seen here (writing needs a validated token, which records the
// name), so the fallbacks are for rows older than a name, never the usual case.
export const SELECT_REPORT = Prisma.sql`
  SELECT r.id, r.subject_type::text AS "subjectType", r.subject_id AS "subjectId", r.subject_user_id AS "subjectUserId",
         r.reason::text AS reason, r.details, r.reporter_id AS "reporterId", coalesce(rp.name, 'A neighbour') AS "reporterName",
         r.status::text AS status, r.created_at AS "createdAt", r.action::text AS action, r.note,
         r.resolved_by AS "resolvedBy", coalesce(rb.name, 'An admin') AS "resolverName", r.resolved_at AS "resolvedAt"
  FROM reports r LEFT JOIN owners rp ON rp.id = r.reporter_id LEFT JOIN owners rb ON rb.id = r.resolved_by`;
