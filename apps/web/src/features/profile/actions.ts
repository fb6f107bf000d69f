"use server";
import { redirect } from "next/navigation";
import { formText } from "@/features/layout/form-text";
import { DeleteMeBodySchema, UpdateMeBodySchema } from "@sharehood/sdk";
import { signOut, updateSession } from "@/auth";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getAccountClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

type ProfileState = ActionResult<{ name: string; email: string; emailChanged: boolean }> | null;

const SESSION_ENDED = "Your session has ended. Please sign in again.";

// The User API's answers, in the words of these forms: a wrong current password (400 on
// body.currentPassword) and an email someone else has (409) belong beside their fields.
function accountFailure(error: unknown) {
  const result = failureFrom(error);
  if (result.fieldErrors.currentPassword) {
    return failure("That password is not right.", { currentPassword: "This is not your current password" });
  }
  if (result.code === "conflict") {
    return failure("Another account uses that email.", { email: "is already used by another account" });
  }
  return result;
}

/**
 * Saves my name and, with my current password, a new email address, at the User API and in
 * the session. The password is what stops someone holding my session from taking the account.
 */
export async function updateProfileAction(_state: ProfileState, form: FormData): Promise<ProfileState> {
  const session = await getAccountClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const email = formText(form, "email").trim();
  const currentPassword = formText(form, "currentPassword");
  const emailChanged = email.toLowerCase() !== session.viewer.email.toLowerCase();
  if (emailChanged && !currentPassword) {
    return failure("Enter your current password to change your email.", {
      currentPassword: "Enter your current password to change your email",
    });
  }
  const parsed = UpdateMeBodySchema.safeParse({
    name: formText(form, "name"),
    ...(emailChanged ? { email, currentPassword } : {}),
  });
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  try {
    const user = await session.client.users.updateMe({ body: parsed.data });
    await updateSession({ user: { name: user.name, email: user.email } });
    return success({ name: user.name, email: user.email, emailChanged });
  } catch (error) {
    return accountFailure(error);
  }
}

/** Deletes my account once I confirm it with my password (every session ends), then signs out here. */
export async function deleteAccountAction(
  _state: ActionResult | null,
  form: FormData,
): Promise<ActionResult> {
  const confirmed = form.get("confirm") === "on";
  const currentPassword = formText(form, "currentPassword");
  if (!confirmed || !currentPassword) {
    return failure(confirmed ? "Enter your password to confirm." : "Tick the box to confirm.", {
      ...(confirmed ? {} : { confirm: "Please confirm that you want to delete your account" }),
      ...(currentPassword ? {} : { currentPassword: "Enter your password to delete your account" }),
    });
  }
  const session = await getAccountClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const parsed = DeleteMeBodySchema.safeParse({ currentPassword });
  if (!parsed.success) return failure("Please check your password.", zodFieldErrors(parsed.error));
  try {
    await session.client.users.deleteMe({ body: parsed.data });
  } catch (error) {
    return accountFailure(error);
  }
  await signOut({ redirect: false });
  redirect("/?goodbye=1"); // a path: the person stays on the host they use
}
