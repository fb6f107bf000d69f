import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { Avatar } from "@sharehood/ui/avatar";
import { buttonStyles } from "@sharehood/ui/button";
import { EmailVerificationNotice } from "@/features/auth/email-verification-notice";
import { BlockedPeople } from "@/features/conversations/blocked-people";
import { PageHeading } from "@/features/layout/page-heading";
import { CalendarFeed } from "@/features/profile/calendar-feed";
import { DeleteAccountForm } from "@/features/profile/delete-account-form";
import { ProfileForm } from "@/features/profile/profile-form";
import { PublicProfileSettings } from "@/features/profiles/public-profile-settings";
import { requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Profile",
  description: "Your Sharehood profile: your name, email, photo, bio and neighbourhood, and your account.",
  robots: { index: false },
};

export default async function ProfilePage() {
  const viewer = await requireViewer();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading title="Profile" />
      {/* Streams in after the form: the User API's answer does not hold the page. */}
      <Suspense fallback={null}>
        <EmailVerificationNotice />
      </Suspense>
      <section
        aria-labelledby="you-heading"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
      >
        <div className="mb-6 flex items-center gap-4">
          <Avatar name={viewer.name} seed={viewer.id} size="lg" src={viewer.avatarUrl} />
          <div>
            <h2 id="you-heading" className="text-lg font-semibold">
              {viewer.name}
            </h2>
            <p className="text-sm text-stone-600">
              {viewer.role === "admin" ? "Administrator" : "Neighbour"}
            </p>
          </div>
        </div>
        <ProfileForm name={viewer.name} email={viewer.email} />
      </section>
      {/* Streams in: the User API's answer does not hold the page. */}
      <Suspense fallback={null}>
        <PublicProfileSettings />
      </Suspense>
      <section
        aria-labelledby="email-settings-heading"
        className="flex flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:flex-row sm:items-center sm:justify-between sm:p-8"
      >
        <div>
          <h2 id="email-settings-heading" className="text-lg font-semibold">
            Email notifications
          </h2>
          <p className="mt-1 text-stone-700">Choose which news about your loans also comes by email.</p>
        </div>
        <Link href="/profile/notifications" className={buttonStyles("secondary")}>
          Email settings
        </Link>
      </section>
      <section
        aria-labelledby="api-access-heading"
        className="flex flex-col gap-4 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:flex-row sm:items-center sm:justify-between sm:p-8"
      >
        <div>
          <h2 id="api-access-heading" className="text-lg font-semibold">
            Direct API access
          </h2>
          <p className="mt-1 text-stone-700">Tokens and webhooks for your own programs and scripts.</p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href="/profile/tokens" className={buttonStyles("secondary")}>
            API tokens
          </Link>
          <Link href="/profile/webhooks" className={buttonStyles("secondary")}>
            Webhooks
          </Link>
        </div>
      </section>
      {/* Streams in: the Inventory API's answer does not hold the page. */}
      <Suspense fallback={null}>
        <CalendarFeed />
      </Suspense>
      <Suspense fallback={null}>
        <BlockedPeople />
      </Suspense>
      <section
        aria-labelledby="danger-heading"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-red-200 sm:p-8"
      >
        <h2 id="danger-heading" className="text-lg font-semibold text-red-800">
          Delete account
        </h2>
        <p className="mt-2 mb-4 text-stone-700">
          This removes your account and signs you out on every device. It cannot be undone.
        </p>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
