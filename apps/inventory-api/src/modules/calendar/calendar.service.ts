import { randomBytes } from "node:crypto";
import type { CalendarFeed } from "@sharehood/sdk";
import { notFound } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import type { Caller } from "../auth/caller.ts";
import { addDays } from "../../dates.ts";
import { renderFeed } from "./calendar-ics.ts";
import type { CalendarRepository, FeedRow } from "./calendar.repository.ts";

/** Ended loans stay in the feed this long, so last month's loans are still there to look back on. */
export const FEED_HISTORY_DAYS = 90;

/** Bytes of randomness in a feed's secret: 256 bits, written as 43 base64url characters. */
const TOKEN_BYTES = 32;

/**
 * A person's private calendar feed: an address with an unguessable secret in it (whoever holds the
 * address reads the feed, as calendar programs need: they send no credentials), which its owner can
 * replace or turn off at any time.
 */
export function createCalendarService(deps: {
  calendar: CalendarRepository;
  /** This API's public origin: the feed's address starts with it. */
  publicUrl: string;
  /** The web app's public origin: each event links to its loan's page there. */
  webUrl: string;
}) {
  const { calendar } = deps;
  const feedUrl = (token: string) => new URL(`/calendar/${token}.ics`, deps.publicUrl).href;
  const loanUrl = (id: string) => new URL(`/loans/${encodeURIComponent(id)}`, deps.webUrl).href;
  const toFeed = (row: FeedRow): CalendarFeed => ({
    url: feedUrl(row.token),
    createdAt: row.createdAt.toISOString(),
  });

  return {
    async get(caller: Caller): Promise<CalendarFeed> {
      const row = await calendar.findFeed(caller.user.id);
      if (!row) throw notFound("Your calendar feed");
      return toFeed(row);
    },

    /** Makes a new address; the previous one stops working at once. */
    async create(caller: Caller): Promise<CalendarFeed> {
      const token = randomBytes(TOKEN_BYTES).toString("base64url");
      return toFeed(await calendar.replaceFeed(caller.user.id, token));
    },

    remove: (caller: Caller): Promise<void> => calendar.deleteFeed(caller.user.id),

    /** The iCalendar document at a feed's address; 404 for a secret no feed has (any more). */
    async render(token: string): Promise<string> {
      const feed = await calendar.feedLoans(token, addDays(todayUtc(), -FEED_HISTORY_DAYS));
      if (!feed) throw notFound("This calendar feed");
      return renderFeed(feed.loans, feed.userId, loanUrl);
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
