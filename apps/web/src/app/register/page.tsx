import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthCard } from "@/features/auth/auth-card";
import { RegisterForm } from "@/features/auth/register-form";
import { safeReturnPath } from "@/features/auth/safe-return-path";
import { getViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Join Sharehood",
  description: "Create a free Sharehood account to borrow from neighbours and lend what you own.",
};

export default async function RegisterPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const callbackUrl = safeReturnPath((await searchParams).callbackUrl);
  if (await getViewer()) redirect(callbackUrl);
  return (
    <AuthCard
      title="Join Sharehood"
      intro="Borrow what you need from people nearby, and lend what you own."
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`}
            className="font-semibold text-brand-800 underline"
          >
            Sign in
          </Link>
        </>
      }
    >
      <RegisterForm callbackUrl={callbackUrl} />
    </AuthCard>
  );
}
