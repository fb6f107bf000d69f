"use server";
import {
  EMAIL_KINDS,
  MarkReadBodySchema,
  UpdateNotificationPreferencesBodySchema,
  type NotificationPreferences,
} from "@sharehood/sdk";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";

const SESSION_ENDED = "Your session has ended. Please sign in again.";
/** Marks some of my notifications read (`ids`), or every one of them (no `ids`). */
export async function markNotificationsReadAction(ids?: string[]): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  // The ids come from the browser: checked with the contract before they go anywhere.
  const body = MarkReadBodySchema.safeParse(ids === undefined ? {} : { ids });
  if (!body.success) return failure("Those are not notifications of yours.");
  try {
    await session.client.notifications.markRead({ body: body.data });
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}

type PreferencesState = ActionResult<NotificationPreferences> | null;

/**
 * Saves which kinds of notification I am emailed about: each kind's switch is a checkbox named
 * `kind`, so a kind left out of the form is one switched off.
 */
export async function updateEmailPreferencesAction(
  _state: PreferencesState,
  form: FormData,
): Promise<PreferencesState> {
  const session = await getUserClient();
  if (!session) return failure(SESSION_ENDED, {}, "unauthenticated");
  const chosen = new Set(form.getAll("kind").filter((value) => typeof value === "string"));
  const body = UpdateNotificationPreferencesBodySchema.parse({
    kinds: Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, { email: chosen.has(kind) }])),
  });
  try {
    return success(await session.client.notifications.updatePreferences({ body }));
  } catch (error) {
    return failureFrom(error);
  }
}
