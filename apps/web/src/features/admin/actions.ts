"use server";
import { FIELD_LIMITS, RoleSchema, type User } from "@sharehood/sdk";
import { adminReasonBody } from "@/features/moderation/admin-reason";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

/** Changes a user's role, with an optional why for the audit log (the User API checks `user.update.role`). */
export async function changeRoleAction(
  userId: string,
  role: string,
  reason?: string,
): Promise<ActionResult<User>> {
  const parsed = RoleSchema.safeParse(role);
  if (!parsed.success) return failure("Unknown role.");
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    return success(
      await session.client.users.updateRole({
        params: { id: userId },
        body: { role: parsed.data, ...adminReasonBody(reason) },
      }),
    );
  } catch (error) {
    return failureFrom(error);
  }
}

/** Deletes a user; their tokens stop working everywhere (the User API checks `user.delete`). */
export async function deleteUserAction(userId: string, reason?: string): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return signedOut();
  if (session.viewer.id === userId) return failure("Delete your own account from your profile instead.");
  try {
    await session.client.users.delete({ params: { id: userId }, body: adminReasonBody(reason) });
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}

/**
 * Suspends an account: sign-in is refused, every token stops working and their items are hidden
 * (the User API checks `user.suspend`). The reason is required: admins and the audit log read it.
 */
export async function suspendUserAction(userId: string, reason: string): Promise<ActionResult<User>> {
  const text = reason.trim();
  if (!text) return failure("Say why you suspend this account.", { reason: "must not be empty" });
  if (text.length > FIELD_LIMITS.moderationNote)
    return failure(`Keep the reason within ${FIELD_LIMITS.moderationNote} characters.`);
  const session = await getUserClient();
  if (!session) return signedOut();
  if (session.viewer.id === userId) return failure("You cannot suspend your own account.");
  try {
    return success(await session.client.users.suspend({ params: { id: userId }, body: { reason: text } }));
  } catch (error) {
    return failureFrom(error);
  }
}

/** Lifts a suspension: the person can sign in again and their items show again. */
export async function unsuspendUserAction(userId: string, reason?: string): Promise<ActionResult<User>> {
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    return success(
      await session.client.users.unsuspend({ params: { id: userId }, body: adminReasonBody(reason) }),
    );
  } catch (error) {
    return failureFrom(error);
  }
}
