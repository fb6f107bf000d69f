import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { AvatarField } from "@/features/profiles/avatar-field";
import { PublicProfileForm } from "@/features/profiles/public-profile-form";
import { getUserClient } from "@/server/session";
import { siteAvatarPath } from "@/server/site-avatars";

/**
 * The settings of my public profile (`#public-profile`): my photo, bio and neighbourhood, read
 * from the User API as they are now, with a link to the profile itself.
 */
export async function PublicProfileSettings() {
  const session = await getUserClient();
  const me = await session?.client.users.getMe({}).catch(() => null);
  return (
    <section
      id="public-profile"
      aria-labelledby="public-profile-heading"
      className="flex scroll-mt-24 flex-col gap-6 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
    >
      <div className="flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
        <h2 id="public-profile-heading" className="text-lg font-semibold">
          Your public profile
        </h2>
        {session && (
          <Link
            href={`/people/${session.viewer.id}`}
            className="text-sm font-semibold text-brand-800 underline"
          >
            See your profile
          </Link>
        )}
      </div>
      {me ? (
        <>
          <AvatarField name={me.name} personId={me.id} initial={siteAvatarPath(me.avatarUrl)} />
          <PublicProfileForm initial={{ bio: me.bio, neighbourhood: me.neighbourhood }} />
        </>
      ) : (
        <Alert tone="error">We couldn&apos;t load your profile right now. Please try again shortly.</Alert>
      )}
    </section>
  );
}
