import type { Metadata } from "next";
import { Avatar } from "@sharehood/ui/avatar";
import { PageHeading } from "@/features/layout/page-heading";
import { DeleteAccountForm } from "@/features/profile/delete-account-form";
import { ProfileForm } from "@/features/profile/profile-form";
import { requireViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Profile",
  description: "Your Sharehood profile: your name, your email, and your account.",
  robots: { index: false },
};

export default async function ProfilePage() {
  const viewer = await requireViewer();
  return (
    <div className="mx-auto flex max-w-2xl flex-col gap-6">
      <PageHeading title="Profile" />
      <section
        aria-labelledby="you-heading"
        className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
      >
        <div className="mb-6 flex items-center gap-4">
          <Avatar name={viewer.name} seed={viewer.id} size="lg" />
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
