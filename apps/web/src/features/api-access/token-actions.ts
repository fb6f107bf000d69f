"use server";
import {
  CreateAccessTokenBodySchema,
  IdSchema,
  scopesForRole,
  type CreatedAccessToken,
  type Scope,
} from "@sharehood/sdk";
import { expiresAtFor } from "@/features/api-access/token-text";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

/** The new-token form's state: the created token, with its secret, shown this once. */
export type CreateTokenState = ActionResult<CreatedAccessToken> | null;

const SESSION_ENDED = "Your session has ended. Please sign in again.";

// The User API's refusals in the words of this page: a scope beyond the role (403) and too many
// live tokens (409) say what to do about it.
function tokenFailure(error: unknown) {
  const result = failureFrom(error);
  if (result.code === "forbidden") {
    return failure("Your account cannot grant one of those scopes: a token can do only what you can.", {
      scopes: "includes a scope your account does not have",
    });
  }
  if (result.code === "conflict") {
    return failure(`${result.message} Revoke a token you no longer use, then make the new one.`);
  }
  return result;
}

/**
 * Creates a personal access token from the form: a name, the checked `scope` boxes and an
 * `expiry` choice. Scopes beyond the person's role are refused here before the User API would.
 */
export async function createAccessTokenAction(
  _state: CreateTokenState,
  form: FormData,
): Promise<CreateTokenState> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const allowed = new Set<string>(scopesForRole(session.viewer.role));
  const scopes = form
    .getAll("scope")
    .filter((value): value is Scope => typeof value === "string" && allowed.has(value));
  const expiresAt = expiresAtFor(formText(form, "expiry"));
  if (expiresAt === undefined) return failure("Choose when the token expires.", { expiry: "Choose one" });
  const parsed = CreateAccessTokenBodySchema.safeParse({ name: formText(form, "name"), scopes, expiresAt });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error);
    if (fieldErrors.scopes) fieldErrors.scopes = "Choose at least one thing the token may do";
    return failure("Please check the highlighted fields.", fieldErrors);
  }
  try {
    return success(await session.client.tokens.create({ body: parsed.data }));
  } catch (error) {
    return tokenFailure(error);
  }
}

/** Revokes one of my tokens: every service refuses it from then on. */
export async function revokeAccessTokenAction(id: string): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  if (!IdSchema.safeParse(id).success) return failure("That is not one of your tokens.");
  try {
    await session.client.tokens.revoke({ params: { id } });
    return success(undefined);
  } catch (error) {
    // Already gone (revoked in another tab, or expired and swept): what was asked for is done.
    const result = failureFrom(error);
    return result.code === "not_found" ? success(undefined) : result;
  }
}
