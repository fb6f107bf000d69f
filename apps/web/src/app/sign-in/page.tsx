import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { Alert } from "@sharehood/ui/alert";
import { AuthCard } from "@/features/auth/auth-card";
import { safeReturnPath } from "@/features/auth/safe-return-path";
import { SUSPENDED_MARK } from "@/features/auth/suspension";
import { SignInForm } from "@/features/auth/sign-in-form";
import { getViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Sign in",
  description: "Sign in to Sharehood to borrow from your neighbours and manage your listings.",
};

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; reset?: string }>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  // Set by the server alone, when a session ended because the account is suspended.
  const suspended = (await cookies()).get(SUSPENDED_MARK.name)?.value === SUSPENDED_MARK.value;
  return (
    <AuthCard
      title="Welcome back"
      intro="Sign in to borrow things and manage what you lend."
      footer={
        <>
          New to Sharehood?{" "}
          <Link
            href={`/register?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="font-semibold text-brand-800 underline"
          >
            Create an account
          </Link>
        </>
      }
    >
      {params.reset === "done" && (
        <Alert tone="success" title="Your new password is set" className="mb-4">
          You were signed out everywhere. Sign in with your new password.
        </Alert>
      )}
      {suspended && (
        <Alert tone="error" title="Your account is suspended" className="mb-4">
          Sharehood&apos;s admins suspended it, so you were signed out and cannot sign in. If you think this
          is a mistake, contact Sharehood.
        </Alert>
      )}
      <SignInForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
