import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { AuthCard } from "@/features/auth/auth-card";
import { UnsubscribeForm } from "@/features/notifications/unsubscribe-form";

export const metadata: Metadata = {
  title: "Unsubscribe",
  description: "Stop a kind of email from Sharehood.",
  robots: { index: false },
};

export default async function UnsubscribePage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  return (
    <AuthCard
      title="Stop these emails?"
      intro="You will still see everything under Notifications when you sign in."
      footer={
        <Link href="/profile/notifications" className="font-semibold text-brand-800 underline">
          Choose all your emails
        </Link>
      }
    >
      {typeof token === "string" && token ? (
        <UnsubscribeForm token={token} />
      ) : (
        <Alert tone="error" title="This link is not complete">
          Open it again from the email.
        </Alert>
      )}
    </AuthCard>
  );
}
