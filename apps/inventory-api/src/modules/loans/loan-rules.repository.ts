import { Prisma, type Db } from "../../db.ts";
import type { DatesCheck, ItemRules } from "./loan-rules.ts";

/** An item someone asks to borrow: who owns it, whether it is shown, its rules and its dates. */
export interface RequestTarget extends ItemRules, DatesCheck {
  ownerId: string;
  /** Hidden by moderators, or its owner is suspended: it cannot be borrowed (404). */
  hidden: boolean;
  /** The owner blocked the person asking. */
  blockedByOwner: boolean;
}

const { sql } = Prisma;

/**
 * Whether days `start`..`end` of item `i` are held: by the owner's blocked days, or by an approved
 * or active loan other than `exceptLoanId`. Both probes are index range scans (item_blocks on
 * (item_id, start_date), loans on (item_id, status)) over one item's few rows.
 */
const held = (start: string, end: string, exceptLoanId: string | null) => sql`
  EXISTS (SELECT 1 FROM item_blocks b WHERE b.item_id = i.id
          AND daterange(b.start_date, b.end_date, '[]') && daterange(${start}::date, ${end}::date, '[]')) AS "datesBlocked",
  EXISTS (SELECT 1 FROM loans other WHERE other.item_id = i.id AND other.status IN ('approved', 'active')
          AND other.id IS DISTINCT FROM ${exceptLoanId}
          AND daterange(other.start_date, other.end_date, '[]') && daterange(${start}::date, ${end}::date, '[]')) AS "datesTaken"`;

const RULES = sql`i.paused, i.min_days AS "minDays", i.max_days AS "maxDays", i.notice_days AS "noticeDays"`;

/**
 * The reads behind the borrowing rules. Each answers everything its check needs in one round trip:
 * a request is the hottest write, and every query it saves is a Prisma compile and a round trip.
 * The answers are advice for a clear refusal; the exclusion constraint and the blocked-days trigger
 * still decide when a loan is approved or moved.
 */
export function createLoanRulesRepository(db: Db) {
  return {
    /** The item `borrowerId` asks to borrow for `start`..`end`; null if it does not exist (or was removed). */
    async requestTarget(itemId: string, borrowerId: string, start: string, end: string) {
      const rows = await db.$queryRaw<RequestTarget[]>`
        SELECT i.owner_id AS "ownerId", (i.hidden_at IS NOT NULL OR o.suspended_at IS NOT NULL) AS hidden, ${RULES},
               EXISTS (SELECT 1 FROM blocks bl WHERE bl.blocker_id = i.owner_id AND bl.blocked_id = ${borrowerId}) AS "blockedByOwner",
               ${held(start, end, null)}
        FROM items i LEFT JOIN owners o ON o.id = i.owner_id
        WHERE i.id = ${itemId} AND i.deleted_at IS NULL`;
      return rows[0] ?? null;
    },

    /** The rules of a loan's item, and whether `start`..`end` is held by anything but the loan itself. */
    async extensionTarget(loanId: string, start: string, end: string) {
      const rows = await db.$queryRaw<(ItemRules & DatesCheck)[]>`
        SELECT ${RULES}, ${held(start, end, loanId)}
        FROM loans l JOIN items i ON i.id = l.item_id WHERE l.id = ${loanId}`;
      return rows[0] ?? null;
    },
  };
}

export type LoanRulesRepository = ReturnType<typeof createLoanRulesRepository>;
