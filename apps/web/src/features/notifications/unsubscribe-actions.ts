"use server";
import { UnsubscribeQuerySchema, type EmailKind } from "@sharehood/sdk";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { apiClient } from "@/server/api-client";

type UnsubscribeState = ActionResult<{ kind: EmailKind }> | null;

/** Switches off the kind of email the signed link names; no session needed, the link is the proof. */
export async function unsubscribeAction(_state: UnsubscribeState, form: FormData): Promise<UnsubscribeState> {
  const query = UnsubscribeQuerySchema.safeParse({ token: formText(form, "token") });
  if (!query.success) return failure("This link is not complete. Open it again from the email.");
  try {
    const result = await apiClient().notifications.unsubscribe({ query: query.data });
    return success({ kind: result.kind });
  } catch (error) {
    const result = failureFrom(error);
    return result.code === "validation_failed"
      ? failure("This link does not work any more. Choose your emails in your email settings instead.")
      : result;
  }
}
