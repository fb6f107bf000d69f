"use server";
import { UpdateMeBodySchema } from "@sharehood/sdk";
import { formText } from "@/features/layout/form-text";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { announcePageChange } from "@/server/announce-page-change";
import { getUserClient } from "@/server/session";
import { zodFieldErrors } from "@/server/zod-field-errors";

/** What the public profile form saves and shows back. */
export interface PublicProfileFields {
  bio: string | null;
  neighbourhood: string | null;
}

/** Saves my bio and neighbourhood (an empty one clears it), shown on my public profile. */
export async function updatePublicProfileAction(
  _state: ActionResult<PublicProfileFields> | null,
  form: FormData,
): Promise<ActionResult<PublicProfileFields>> {
  const session = await getUserClient();
  if (!session) return failure("Your session has ended. Please sign in again.", {}, "unauthenticated");
  const parsed = UpdateMeBodySchema.safeParse({
    bio: formText(form, "bio"),
    neighbourhood: formText(form, "neighbourhood"),
  });
  if (!parsed.success) return failure("Please check the highlighted fields.", zodFieldErrors(parsed.error));
  try {
    const user = await session.client.users.updateMe({ body: parsed.data });
    // No API announces a new bio: the kept copy of my profile page is dropped from here.
    await announcePageChange();
    return success({ bio: user.bio, neighbourhood: user.neighbourhood });
  } catch (error) {
    return failureFrom(error);
  }
}
