"use server";
import { RoleSchema, type User } from "@sharehood/sdk";
import { failure, failureFrom, success, type ActionResult } from "@/server/action-result";
import { getUserClient } from "@/server/session";

const signedOut = () => failure("Your session has ended. Please sign in again.", {}, "unauthenticated");

/** Changes a user's role (the User API checks `user.update.role`). */
export async function changeRoleAction(userId: string, role: string): Promise<ActionResult<User>> {
  const parsed = RoleSchema.safeParse(role);
  if (!parsed.success) return failure("Unknown role.");
  const session = await getUserClient();
  if (!session) return signedOut();
  try {
    return success(
      await session.client.users.updateRole({ params: { id: userId }, body: { role: parsed.data } }),
    );
  } catch (error) {
    return failureFrom(error);
  }
}

/** Deletes a user; their tokens stop working everywhere (the User API checks `user.delete`). */
export async function deleteUserAction(userId: string): Promise<ActionResult> {
  const session = await getUserClient();
  if (!session) return signedOut();
  if (session.viewer.id === userId) return failure("Delete your own account from your profile instead.");
  try {
    await session.client.users.delete({ params: { id: userId } });
    return success(undefined);
  } catch (error) {
    return failureFrom(error);
  }
}
