import type { Report } from "@sharehood/sdk";
import type { ReportRow } from "./report-row.ts";

/** A report as its reporter and admins see it. */
export function toReportDto(row: ReportRow): Report {
  return {
    id: row.id,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectUserId: row.subjectUserId,
    reason: row.reason,
    details: row.details,
    reporter: { id: row.reporterId, name: row.reporterName },
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolution:
      row.status === "resolved" && row.action && row.resolvedBy && row.resolvedAt
        ? {
            action: row.action,
            note: row.note ?? "",
            by: { id: row.resolvedBy, name: row.resolverName },
            at: row.resolvedAt.toISOString(),
          }
        : null,
  };
}
