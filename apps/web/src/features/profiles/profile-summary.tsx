import type { PublicUser, ReviewSummary } from "@sharehood/sdk/contract";
import { Avatar } from "@sharehood/ui/avatar";
import { Badge } from "@sharehood/ui/badge";
import { Stars } from "@/features/reviews/stars";

// Fixed locale and UTC, as every date of the site, so server and browser agree.
const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

const times = (count: number) => (count === 1 ? "once" : `${count} times`);

/**
 * Who someone is, as anyone may see: photo (or initials), name, neighbourhood, member since, a
 * confirmed email, their rating, the loans they completed on each side, and their bio.
 */
export function ProfileSummary({ person, summary }: { person: PublicUser; summary: ReviewSummary | null }) {
  return (
    <section
      aria-labelledby="profile-name"
      className="flex flex-col gap-6 rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
    >
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:gap-6">
        <Avatar name={person.name} seed={person.id} src={person.avatarUrl} size="xl" />
        <div className="flex min-w-0 flex-col gap-1.5">
          <h1 id="profile-name" className="text-2xl font-bold tracking-tight text-stone-900 sm:text-3xl">
            {person.name}
          </h1>
          {person.neighbourhood && (
            <p className="flex items-center gap-1.5 text-stone-700">
              <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 shrink-0 text-stone-500">
                <path
                  fill="currentColor"
                  d="M10 2a6 6 0 0 0-6 6c0 4.5 6 10 6 10s6-5.5 6-10a6 6 0 0 0-6-6Zm0 8.5A2.5 2.5 0 1 1 10 5.5a2.5 2.5 0 0 1 0 5Z"
                />
              </svg>
              <span className="sr-only">Neighbourhood: </span>
              {person.neighbourhood}
            </p>
          )}
          <p className="text-sm text-stone-600">Member since {MONTH.format(new Date(person.createdAt))}</p>
          {person.emailVerified && (
            <p>
              <Badge tone="brand">
                <svg viewBox="0 0 20 20" aria-hidden="true" className="mr-1 size-3.5">
                  <path
                    d="m5 10.5 3 3 7-7"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2.5"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
                Email confirmed
              </Badge>
            </p>
          )}
        </div>
      </div>
      {summary && (
        <dl className="grid gap-4 border-t border-stone-100 pt-5 sm:grid-cols-3">
          <div>
            <dt className="text-sm text-stone-600">Rating</dt>
            <dd className="mt-1 flex flex-wrap items-center gap-2 font-semibold text-stone-900">
              {summary.average !== null && summary.count > 0 ? (
                <>
                  <Stars rating={summary.average} size="md" />
                  <span>
                    {summary.average.toFixed(1)}
                    <span className="font-normal text-stone-600">
                      {" "}
                      from {summary.count === 1 ? "1 review" : `${summary.count} reviews`}
                    </span>
                  </span>
                </>
              ) : (
                <span className="font-normal text-stone-700">No reviews yet</span>
              )}
            </dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Lent things</dt>
            <dd className="mt-1 font-semibold text-stone-900">{times(summary.completedAsLender)}</dd>
          </div>
          <div>
            <dt className="text-sm text-stone-600">Borrowed things</dt>
            <dd className="mt-1 font-semibold text-stone-900">{times(summary.completedAsBorrower)}</dd>
          </div>
        </dl>
      )}
      {person.bio && (
        <div className="border-t border-stone-100 pt-5">
          <h2 className="sr-only">About {person.name}</h2>
          <p className="whitespace-pre-line text-stone-800">{person.bio}</p>
        </div>
      )}
    </section>
  );
}
