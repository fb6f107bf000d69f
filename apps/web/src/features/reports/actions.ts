"use server";
import { CreateReportBodySchema, type Report } from "@sharehood/sdk";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

/** What a report is about: an item, a person or a message, by id. */
export interface ReportSubject {
  type: Report["subjectType"];
  id: string;
}

/**
 * Sends a report to Sharehood's admins. One open report per person and subject: a second one
 * while the first is open is refused (409), and said so plainly.
 */
export async function createReportAction(
  subject: ReportSubject,
  _state: ActionResult<Report> | null,
  form: FormData,
): Promise<ActionResult<Report> | null> {
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  const parsed = CreateReportBodySchema.safeParse({
    subjectType: subject.type,
    subjectId: subject.id,
    reason: formText(form, "reason") || undefined,
    details: formText(form, "details"),
  });
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    if (fields.reason) fields.reason = "Choose what is wrong";
    return failure("Please check the highlighted fields.", fields);
  }
  try {
    return success(await session.client.reports.create({ body: parsed.data }));
  } catch (error) {
    const result = failureFrom(error);
    if (result.code === "conflict")
      return failure("You already reported this; an admin will look at it.", {}, "conflict");
    if (result.code === "not_found") return failure("This is no longer here to report.", {}, "not_found");
    return result;
  }
}
