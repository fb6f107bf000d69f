import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { ApiError } from "@sharehood/sdk";
import { signOut } from "@/auth";
import { SUSPENDED_CODE } from "@/features/auth/suspension";
import { getUserClient } from "@/server/session";
import { suspendedMarkCookie } from "@/server/suspended-mark";

/**
 * Ends a session whose token the APIs refuse because the account is suspended, and shows the
 * sign-in page saying so (the suspended mark). The browser comes here when a call answered
 * `account_suspended`. It signs out only on the User API's word, so a link to it cannot sign
 * anyone else out; a session that is still good goes back home.
 */
export async function GET() {
  const session = await getUserClient();
  if (session) {
    const refusal = await session.client.users.getMe({}).then(
      () => null,
      (error: unknown) => (error instanceof ApiError ? error : null),
    );
    if (!refusal || (refusal.code !== SUSPENDED_CODE && refusal.status !== 401)) redirect("/");
    await signOut({ redirect: false });
    if (refusal.code === SUSPENDED_CODE) (await cookies()).set(suspendedMarkCookie());
  }
  // Without a session, it ended already (the proxy set the mark if it was a suspension).
  redirect("/sign-in");
}
