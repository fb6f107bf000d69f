"use server";
import { formText } from "@/features/layout/form-text";
import { AuthError } from "next-auth";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginBodySchema, RegisterBodySchema, type AuthResult } from "@sharehood/sdk";
import { signIn, signOut } from "@/auth";
import { failure, failureFrom, type ActionResult } from "@/server/action-result";
import { apiClient } from "@/server/api-client";
import { clientAddressForwarding } from "@/server/client-address";
import { getAccessToken } from "@/server/session";
import { safeReturnPath } from "@/features/auth/safe-return-path";
import { SUSPENDED_CODE, SUSPENDED_MARK } from "@/features/auth/suspension";
import { zodFieldErrors } from "@/server/zod-field-errors";

type FormState = ActionResult | null;

const NO_SESSION = "We could not start your session. Please try again.";
const SUSPENDED_SIGN_IN =
  "This account is suspended by Sharehood's admins, so it cannot sign in. If you think this is a mistake, contact Sharehood.";

async function startSession(result: AuthResult, returnTo: string): Promise<ActionResult> {
  let landing: unknown;
  try {
    landing = await signIn("credentials", { authResult: JSON.stringify(result), redirect: false });
  } catch (error) {
    if (error instanceof AuthError) return failure(NO_SESSION);
    throw error;
  }
  if (typeof landing !== "string" || !URL.canParse(landing) || new URL(landing).searchParams.has("error")) {
    return failure(NO_SESSION);
  }
  // Whoever signs in now is not suspended: the sign-in page stops saying so.
  (await cookies()).delete(SUSPENDED_MARK.name);
  // A path, not next-auth's absolute URL on AUTH_URL's host: the cookie was just set for the host
  // this request came to (127.0.0.1, a LAN address...), and the person must stay on it.
  redirect(returnTo);
}

/** Signs in with email and password at the User API, then keeps the tokens in the session. */
export async function signInAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = { email: formText(form, "email"), password: formText(form, "password") };
  const parsed = LoginBodySchema.safeParse(input);
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  let result: AuthResult;
  try {
    result = await apiClient(undefined, await clientAddressForwarding()).auth.login({ body: parsed.data });
  } catch (error) {
    const mapped = failureFrom(error);
    if (mapped.code === "unauthenticated") return failure("That email and password do not match an account.");
    // Said plainly, and only after the right password (the User API checks it first).
    // (No code on it: with `account_suspended`, the form would end a session there is none of.)
    if (mapped.code === SUSPENDED_CODE) return failure(SUSPENDED_SIGN_IN);
    return mapped;
  }
  return startSession(result, safeReturnPath(form.get("callbackUrl")));
}

/** Creates an account at the User API and signs the new person in. */
export async function registerAction(_state: FormState, form: FormData): Promise<FormState> {
  const input = {
    name: formText(form, "name"),
    email: formText(form, "email"),
    password: formText(form, "password"),
  };
  const parsed = RegisterBodySchema.safeParse(input);
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  let result: AuthResult;
  try {
    result = await apiClient(undefined, await clientAddressForwarding()).auth.register({ body: parsed.data });
  } catch (error) {
    const mapped = failureFrom(error);
    if (mapped.code === "conflict") {
      return failure("An account with this email already exists.", {
        email: "is already registered — sign in instead",
      });
    }
    return mapped;
  }
  return startSession(result, safeReturnPath(form.get("callbackUrl")));
}

/** Ends the session: revokes the token at the User API, then clears the cookie. */
export async function signOutAction(): Promise<void> {
  const token = await getAccessToken();
  if (token) {
    // The cookie is cleared either way; a failed revoke only leaves a token that expires soon.
    await apiClient(token)
      .auth.logout({})
      .catch((error: unknown) => console.warn("web: logout at the User API failed", error));
  }
  await signOut({ redirect: false });
  redirect("/"); // on this host, as after signing in
}
