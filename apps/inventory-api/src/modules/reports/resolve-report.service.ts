import type { z } from "zod";
import type { Report } from "@sharehood/sdk";
import type { ResolveReportBodySchema } from "@sharehood/sdk/contract";
import { AppError, conflict, notFound } from "@sharehood/server-kit";
import type { Caller } from "../auth/caller.ts";
import { toReportDto } from "./report-dto.ts";
import { resolutionEvents } from "./report-events.ts";
import type { ReportSubjects } from "./report-subjects.ts";
import { AlreadyResolved, type ReportsRepository } from "./reports.repository.ts";
import type { UserDirectory } from "./user-directory.ts";

const alreadyResolved = () => conflict("This report was already resolved");

/**
 * An admin's decision on a report, applied to its subject: every open report on the subject is
 * resolved with it in one transaction, with the events that tell each reporter, the owner of a
 * hidden item, and the audit log. A suspension is asked of the User API first, with the admin's
 * own token; if it refuses or cannot be reached, nothing here changes and the report stays open.
 */
export function createResolveReport(deps: {
  reports: ReportsRepository;
  subjects: ReportSubjects;
  users: UserDirectory;
}) {
  const { reports, subjects, users } = deps;

  return async (
    admin: Caller,
    adminToken: string,
    id: string,
    body: z.output<typeof ResolveReportBodySchema>,
  ): Promise<Report> => {
    const report = await reports.findById(id);
    if (!report) throw notFound("The report");
    if (report.status === "resolved") throw alreadyResolved();
    const { action, note } = body;
    if (action === "hide_item" && report.subjectType !== "item")
      throw new AppError(
        "unprocessable",
        "Only an item can be hidden: this report is about a " + report.subjectType,
      );
    if (action === "suspend_user") {
      const userId = report.subjectUserId;
      if (!userId) throw new AppError("unprocessable", "Nobody is known behind this report's subject");
      if (userId === admin.user.id) throw new AppError("unprocessable", "You cannot suspend yourself");
      await users.suspend(adminToken, userId, { reason: note, reportId: report.id });
    }
    const label = await subjects.labelOf(report.subjectType, report.subjectId);
    try {
      await reports.resolve({
        report,
        action,
        note,
        adminId: admin.user.id,
        eventsFor: (resolved, hidden) =>
          resolutionEvents(admin, { report, action, note, label }, resolved, hidden),
      });
    } catch (error) {
      if (error instanceof AlreadyResolved) throw alreadyResolved();
      throw error;
    }
    const resolved = await reports.findById(id);
    if (!resolved) throw notFound("The report");
    return toReportDto(resolved);
  };
}

export type ResolveReport = ReturnType<typeof createResolveReport>;
