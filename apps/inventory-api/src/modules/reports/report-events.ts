import type { NewDomainEvent } from "@sharehood/sdk";
import type { Caller } from "../auth/caller.ts";
import { auditEvent } from "../moderation/audit-event.ts";
import type { ReportAction, ReportRow } from "./report-row.ts";
import type { HiddenItem } from "./reports.repository.ts";

/**
 * The events of one resolution: each resolved report's reporter is told it was handled
 * (`report.resolved`); a hidden item's owner is told why (`item.hidden`); and the admin's action
 * goes to the audit log, unless it was a suspension, which the User API audits itself.
 */
export function resolutionEvents(
  admin: Caller,
  acted: { report: ReportRow; action: ReportAction; note: string; label: string | null },
  resolved: ReportRow[],
  hidden: HiddenItem | null,
): NewDomainEvent[] {
  const actor = { id: admin.user.id };
  const events: NewDomainEvent[] = resolved.map((report) => ({
    type: "report.resolved",
    actor,
    subject: { type: "report", id: report.id },
    audience: [report.reporterId],
    payload: {
      report: {
        id: report.id,
        subjectType: report.subjectType,
        subjectId: report.subjectId,
        reason: report.reason,
      },
      action: acted.action,
    },
  }));
  const { report, note } = acted;
  if (acted.action === "dismiss") {
    events.push(
      auditEvent(admin, {
        action: "report.dismissed",
        subject: { type: "report", id: report.id, label: acted.label },
        reason: note,
        details: { subjectType: report.subjectType, subjectId: report.subjectId, reports: resolved.length },
      }),
    );
  }
  if (hidden) {
    events.push(
      {
        type: "item.hidden",
        actor,
        subject: { type: "item", id: hidden.id },
        audience: [hidden.ownerId],
        payload: { item: { id: hidden.id, title: hidden.title }, reason: note },
      },
      auditEvent(admin, {
        action: "item.hidden",
        subject: { type: "item", id: hidden.id, label: hidden.title },
        reason: note,
        details: { reportId: report.id, ownerId: hidden.ownerId, reports: resolved.length },
      }),
    );
  }
  return events;
}
