import { ResendVerification } from "@/features/auth/resend-verification";
import { getUserClient } from "@/server/session";

/**
 * A notice while my email address is not confirmed, with "send the link again". It asks the
 * User API (the session does not know whether the link was followed since); when that cannot
 * answer, it shows nothing rather than hold the page.
 */
export async function EmailVerificationNotice() {
  const session = await getUserClient();
  const me = await session?.client.users.getMe({}).catch(() => undefined);
  if (!me || me.emailVerified) return null;
  return (
    // A section, not an alert: it stays until the link is followed, and holds a control.
    <section
      aria-labelledby="verify-email-heading"
      className="rounded-2xl border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
    >
      <h2 id="verify-email-heading" className="font-semibold">
        Please confirm your email address
      </h2>
      <p className="mt-1 mb-3 break-words">
        We sent a link to {me.email}. Until you follow it, we can&apos;t be sure our emails reach you.
      </p>
      <ResendVerification email={me.email} />
    </section>
  );
}
