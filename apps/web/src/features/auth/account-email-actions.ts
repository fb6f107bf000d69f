"use server";
import { redirect } from "next/navigation";
import { ApiError, PasswordResetBodySchema, PasswordResetRequestBodySchema } from "@sharehood/sdk";
import { signOut } from "@/auth";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { apiClient } from "@/server/api-client";
import { clientAddressForwarding } from "@/server/client-address";
import { getAccessToken, getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

type FormState = ActionResult | null;

// Where a finished password reset lands: sign-in, which says the new password is set. (A "use
// server" file exports async functions only.)
const AFTER_RESET = "/sign-in?reset=done";

// An anonymous client that vouches for the person's address: the User API limits these calls
// per address, and would otherwise count this server for everybody.
async function anonymousClient() {
  return apiClient(undefined, await clientAddressForwarding());
}

/**
 * Asks for a password-reset link. The answer is the same whether or not an account has the
 * address (the User API's is too): only a malformed address, a limit or an outage says more.
 */
export async function requestPasswordResetAction(_state: FormState, form: FormData): Promise<FormState> {
  const parsed = PasswordResetRequestBodySchema.safeParse({ email: formText(form, "email").trim() });
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  try {
    await (await anonymousClient()).auth.requestPasswordReset({ body: parsed.data });
  } catch (error) {
    return failureFrom(error);
  }
  return success(undefined);
}

/** The words for a link that no longer works. */
const LINK_SPENT = "This link has expired or was already used. Ask for a new one below.";

/**
 * Sets a new password with the emailed token. The User API ends every session of the account,
 * this browser's included, so the cookie goes too; then sign-in, with the new password.
 */
export async function resetPasswordAction(_state: FormState, form: FormData): Promise<FormState> {
  const password = formText(form, "password");
  if (password !== formText(form, "confirmPassword")) {
    return failure("The two passwords are not the same.", {
      confirmPassword: "Type the same password twice",
    });
  }
  const parsed = PasswordResetBodySchema.safeParse({ token: formText(form, "token"), password });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    if (fieldErrors.token) return failure(LINK_SPENT, {}, "invalid_token");
    return failure("Please check the highlighted fields.", fieldErrors);
  }
  try {
    await (await anonymousClient()).auth.resetPassword({ body: parsed.data });
  } catch (error) {
    const result = failureFrom(error);
    // 400 on the password is about the password; any other 400 is the token.
    if (error instanceof ApiError && error.status === 400 && !result.fieldErrors.password) {
      return failure(LINK_SPENT, {}, "invalid_token");
    }
    return result;
  }
  if (await getAccessToken()) await signOut({ redirect: false });
  redirect(AFTER_RESET);
}

/** Emails me a new link to confirm my address. */
export async function requestEmailVerificationAction(): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  try {
    await session.client.auth.requestEmailVerification({});
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}
