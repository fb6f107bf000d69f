"use server";
import { formText } from "@/features/layout/form-text";
import { UpdateMeBodySchema } from "@sharehood/sdk";
import { signOut, updateSession } from "@/auth";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

type FormState = ActionResult<{ name: string }> | null;

/** Changes my display name at the User API and in the session. */
export async function updateNameAction(_state: FormState, form: FormData): Promise<FormState> {
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  const parsed = UpdateMeBodySchema.safeParse({ name: formText(form, "name") });
  if (!parsed.success) return failure("Please check your name.", zodFieldErrors(parsed.error));
  try {
    const user = await session.client.users.updateMe({ body: parsed.data });
    await updateSession({ user: { name: user.name } });
    return success({ name: user.name });
  } catch (error) {
    return failureFrom(error);
  }
}

/** Deletes my account (every session ends at the User API), then signs out here. */
export async function deleteAccountAction(
  _state: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  if (form.get("confirm") !== "on") {
    return failure("Tick the box to confirm.", {
      confirm: "Please confirm that you want to delete your account",
    });
  }
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  try {
    await session.client.users.deleteMe({});
  } catch (error) {
    return failureFrom(error);
  }
  await signOut({ redirectTo: "/?goodbye=1" });
  return success(undefined);
}
