import type { Metadata } from "next";
import Link from "next/link";
import { AuthCard } from "@/features/auth/auth-card";
import { ForgotPasswordForm } from "@/features/auth/forgot-password-form";

export const metadata: Metadata = {
  title: "Forgot your password?",
  description: "Get a link to choose a new Sharehood password.",
  robots: { index: false },
};

export default function ForgotPasswordPage() {
  return (
    <AuthCard
      title="Forgot your password?"
      intro="Tell us the address you sign in with, and we'll email you a link to choose a new password."
      footer={
        <>
          Remembered it?{" "}
          <Link href="/sign-in" className="font-semibold text-brand-800 underline">
            Sign in
          </Link>
        </>
      }
    >
      <ForgotPasswordForm />
    </AuthCard>
  );
}
