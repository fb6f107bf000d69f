import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { PageHeading } from "@/features/layout/page-heading";
import { EmailPreferencesForm } from "@/features/notifications/email-preferences-form";
import { getUserClient } from "@/server/session";

export const metadata: Metadata = {
  title: "Email settings",
  description: "Choose which Sharehood news reaches you by email.",
  robots: { index: false },
};

export default async function NotificationSettingsPage() {
  // The profile layout sent anyone signed out to sign-in.
  const session = await getUserClient();
  const preferences = await session?.client.notifications.getPreferences({}).catch(() => undefined);
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading
        title="Email settings"
        intro={
          <>
            Everything still shows under{" "}
            <Link href="/notifications" className="font-semibold text-brand-800 underline">
              Notifications
            </Link>
            ; these switches choose what also comes by email.
          </>
        }
      />
      <section
        aria-label="Emails about loans"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
      >
        {preferences ? (
          <EmailPreferencesForm preferences={preferences} />
        ) : (
          <Alert tone="error" title="We couldn't load your email settings">
            Sharehood's notification service is not answering. Please try again shortly.
          </Alert>
        )}
      </section>
      <p className="text-sm text-stone-700">
        Emails about your account&apos;s safety (confirming your address, resetting your password, a change of
        email or password) are always sent.
      </p>
    </div>
  );
}
