import type { LoanStatus } from "@sharehood/sdk";
import type { Db } from "../../db.ts";

/** A calendar feed's secret and when it was made. */
export interface FeedRow {
  token: string;
  createdAt: Date;
}

/** A loan as a calendar feed shows it: both people's names, and what changes when it changes. */
export interface FeedLoanRow {
  id: string;
  itemTitle: string;
  ownerId: string;
  ownerName: string;
  borrowerId: string;
  borrowerName: string;
  startDate: string;
  endDate: string;
  status: LoanStatus;
  updatedAt: Date;
  /** How many times the loan changed (its history's length): the events' SEQUENCE. */
  revision: number;
}

/** The most loans one feed lists, newest first: years of borrowing for anyone but a shop. */
export const MAX_FEED_LOANS = 500;

export function createCalendarRepository(db: Db) {
  return {
    async findFeed(userId: string): Promise<FeedRow | null> {
      const rows = await db.$queryRaw<FeedRow[]>`
        SELECT token, created_at AS "createdAt" FROM calendar_feeds WHERE user_id = ${userId}`;
      return rows[0] ?? null;
    },

    /** Gives the person a new secret; the previous one (same row) stops working with the commit. */
    async replaceFeed(userId: string, token: string): Promise<FeedRow> {
      const rows = await db.$queryRaw<FeedRow[]>`
        INSERT INTO calendar_feeds (user_id, token) VALUES (${userId}, ${token})
        ON CONFLICT (user_id) DO UPDATE SET token = excluded.token, created_at = now()
        RETURNING token, created_at AS "createdAt"`;
      return rows[0]!;
    },

    async deleteFeed(userId: string): Promise<void> {
      await db.$executeRaw`DELETE FROM calendar_feeds WHERE user_id = ${userId}`;
    },

    /**
     * The holder of the feed whose secret is `token`, and their loans as borrower or as owner that end
     * on or after `since` (recent history and everything ahead); null when no feed has that secret. One round
     * trip: the token's unique index, then the borrower and owner indexes of loans (a BitmapOr).
     */
    async feedLoans(token: string, since: string): Promise<{ userId: string; loans: FeedLoanRow[] } | null> {
      const rows = await db.$queryRaw<{ userId: string; loans: FeedLoanRow[] | null }[]>`
        SELECT f.user_id AS "userId", (
          SELECT json_agg(x) FROM (
            SELECT l.id, i.title AS "itemTitle", l.owner_id AS "ownerId", coalesce(ow.name, 'A neighbour') AS "ownerName",
                   l.borrower_id AS "borrowerId", coalesce(bo.name, 'A neighbour') AS "borrowerName",
                   to_char(l.start_date, 'YYYY-MM-DD') AS "startDate", to_char(l.end_date, 'YYYY-MM-DD') AS "endDate",
                   l.status::text AS status, l.updated_at AS "updatedAt",
                   (SELECT count(*)::int FROM loan_events e WHERE e.loan_id = l.id) AS revision
            FROM loans l JOIN items i ON i.id = l.item_id
            LEFT JOIN owners ow ON ow.id = l.owner_id LEFT JOIN owners bo ON bo.id = l.borrower_id
            WHERE (l.borrower_id = f.user_id OR l.owner_id = f.user_id) AND l.end_date >= ${since}::date
            ORDER BY l.start_date DESC, l.id LIMIT ${MAX_FEED_LOANS}) x) AS loans
        FROM calendar_feeds f WHERE f.token = ${token}`;
      const feed = rows[0];
      if (!feed) return null;
      // json_agg hands timestamps back as text.
      const loans = (feed.loans ?? []).map((loan) => ({ ...loan, updatedAt: new Date(loan.updatedAt) }));
      return { userId: feed.userId, loans };
    },
  };
}

export type CalendarRepository = ReturnType<typeof createCalendarRepository>;
