import { ApiError, type CalendarFeed as Feed } from "@sharehood/sdk";
import { CalendarFeedPanel } from "@/features/profile/calendar-feed-panel";
import { getUserClient } from "@/server/session";

/** The profile's "Calendar feed" section: the private address of my loans' calendar, if I made one. */
export async function CalendarFeed() {
  const session = await getUserClient();
  if (!session) return null;
  let feed: Feed | null | undefined;
  try {
    feed = await session.client.calendar.get({});
  } catch (error) {
    // 404: no feed made yet. Anything else: say it could not be read.
    feed = error instanceof ApiError && error.status === 404 ? null : undefined;
  }
  return (
    <section
      aria-labelledby="calendar-heading"
      className="rounded-3xl bg-white p-6 shadow-sm ring-1 ring-stone-200 sm:p-8"
    >
      <h2 id="calendar-heading" className="text-lg font-semibold">
        Calendar feed
      </h2>
      <p className="mt-1 mb-4 text-stone-700">
        Your loans in your calendar app, as a borrower and as an owner: pick-up and return days, with a link
        to each loan. Subscribe to the address below; it is private, so keep it to yourself.
      </p>
      {feed === undefined ? (
        <p role="alert" className="text-sm text-red-700">
          We couldn&apos;t load your calendar feed. Please reload the page to try again.
        </p>
      ) : (
        <CalendarFeedPanel initial={feed} />
      )}
    </section>
  );
}
