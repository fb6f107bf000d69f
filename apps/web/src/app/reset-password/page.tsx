import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { AuthCard } from "@/features/auth/auth-card";
import { ResetPasswordForm } from "@/features/auth/reset-password-form";

export const metadata: Metadata = {
  title: "Choose a new password",
  description: "Set a new password for your Sharehood account.",
  robots: { index: false },
};

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Choose a new password"
      intro="You will be signed out everywhere, then sign in with the new password."
      footer={
        <Link href="/sign-in" className="font-semibold text-brand-800 underline">
          Back to sign in
        </Link>
      }
    >
      {typeof token === "string" && token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <Alert tone="error" title="This link is not complete">
          Open the link from the email again, or{" "}
          <Link href="/forgot-password" className="font-semibold underline">
            ask for a new one
          </Link>
          .
        </Alert>
      )}
    </AuthCard>
  );
}
