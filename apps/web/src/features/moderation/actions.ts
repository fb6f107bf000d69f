"use server";
import { redirect } from "next/navigation";
import { IdSchema, ResolveReportBodySchema } from "@sharehood/sdk";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

// The Inventory API's refusals, in the words an admin needs (a 422 says itself which rule refused).
const REFUSALS: Partial<Record<string, string>> = {
  conflict: "Another admin has handled this report already. Go back to the queue to see what was done.",
  not_found: "This report no longer exists.",
};

/**
 * Handles a report (dismiss, hide the item, or suspend the person behind it) with the admin's
 * note, which resolves every open report on the same subject; then back to the queue, which says
 * what was done.
 */
export async function resolveReportAction(
  reportId: string,
  _state: ActionResult | null,
  form: FormData,
): Promise<ActionResult | null> {
  if (!IdSchema.safeParse(reportId).success) return failure(REFUSALS.not_found!, {}, "not_found");
  const parsed = ResolveReportBodySchema.safeParse({
    action: formText(form, "action") || undefined,
    note: formText(form, "note"),
  });
  if (!parsed.success) {
    const fields = zodFieldErrors(parsed.error);
    if (fields.action) fields.action = "Choose what to do";
    if (fields.note && !formText(form, "note").trim()) fields.note = "Write a note: say why";
    return failure("Please check the highlighted fields.", fields);
  }
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  try {
    await session.client.reports.resolve({ params: { id: reportId }, body: parsed.data });
  } catch (error) {
    const result = failureFrom(error);
    const plain = result.code ? REFUSALS[result.code] : undefined;
    return plain ? failure(plain, {}, result.code) : result;
  }
  redirect(`/admin/reports?done=${parsed.data.action}`);
}
