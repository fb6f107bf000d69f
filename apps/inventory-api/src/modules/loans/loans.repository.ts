import type { LoanStatus } from "@sharehood/sdk";
import { Prisma, sqlStateOf, type Db } from "../../db.ts";

export interface LoanRow {
  id: string;
  itemId: string;
  itemTitle: string;
  ownerId: string;
  borrowerId: string;
  borrowerName: string;
  startDate: string;
  endDate: string;
  message: string | null;
  status: LoanStatus;
  createdAt: Date;
  updatedAt: Date;
}

export interface LoanEventRow {
  type: "requested" | "approved" | "declined" | "handed_over" | "returned" | "cancelled" | "expired";
  fromStatus: LoanStatus | null;
  toStatus: LoanStatus;
  actorId: string | null;
  at: Date;
}

export interface Transition {
  id: string;
  from: LoanStatus[];
  to: LoanStatus;
  type: LoanEventRow["type"];
  actorId: string | null;
}

const { sql, join } = Prisma;

const SELECT_LOAN = sql`
  SELECT l.id, l.item_id AS "itemId", i.title AS "itemTitle", l.owner_id AS "ownerId", l.borrower_id AS "borrowerId",
         coalesce(o.name, 'A neighbour') AS "borrowerName", to_char(l.start_date, 'YYYY-MM-DD') AS "startDate",
         to_char(l.end_date, 'YYYY-MM-DD') AS "endDate", l.message, l.status::text AS status,
         l.created_at AS "createdAt", l.updated_at AS "updatedAt"
  FROM loans l JOIN items i ON i.id = l.item_id LEFT JOIN owners o ON o.id = l.borrower_id`;

// Loans that hold the item's dates: the exclusion constraint covers exactly these.
const BOOKING_STATUSES = sql`('approved', 'active')`;

/** The loan could not move because the dates now overlap another booking (exclusion constraint). */
export class OverlapError extends Error {}

export function createLoansRepository(db: Db) {
  return {
    async findById(id: string): Promise<LoanRow | null> {
      const rows = await db.$queryRaw<LoanRow[]>`${SELECT_LOAN} WHERE l.id = ${id}`;
      return rows[0] ?? null;
    },

    events: (loanId: string): Promise<LoanEventRow[]> =>
      db.$queryRaw`
        SELECT type::text AS type, from_status::text AS "fromStatus", to_status::text AS "toStatus", actor_id AS "actorId", at
        FROM loan_events WHERE loan_id = ${loanId} ORDER BY at, id`,

    /**
     * Loans newest first, keyset-paged on (created_at, id). A person's loans read the borrower or
     * owner index; the moderators' list with no person reads the (created_at, id) index, and the
     * other filters narrow what it walks. Overdue means active past its end date (`today`).
     */
    list(options: {
      party?: { userId: string; as?: "borrower" | "owner" };
      status?: LoanStatus;
      overdue?: { is: boolean; today: string };
      itemId?: string;
      after?: [string, string];
      limit: number;
    }): Promise<LoanRow[]> {
      const where: Prisma.Sql[] = [];
      const { party } = options;
      if (party)
        where.push(
          party.as === "borrower"
            ? sql`l.borrower_id = ${party.userId}`
            : party.as === "owner"
              ? sql`l.owner_id = ${party.userId}`
              : sql`(l.borrower_id = ${party.userId} OR l.owner_id = ${party.userId})`,
        );
      if (options.status) where.push(sql`l.status = ${options.status}::"LoanStatus"`);
      if (options.overdue) {
        const isOverdue = sql`(l.status = 'active' AND l.end_date < ${options.overdue.today}::date)`;
        where.push(options.overdue.is ? isOverdue : sql`NOT ${isOverdue}`);
      }
      if (options.itemId) where.push(sql`l.item_id = ${options.itemId}`);
      if (options.after)
        where.push(sql`(l.created_at, l.id) < (${options.after[0]}::timestamptz, ${options.after[1]})`);
      const filter = where.length > 0 ? sql`WHERE ${join(where, " AND ")}` : sql``;
      return db.$queryRaw`${SELECT_LOAN} ${filter} ORDER BY l.created_at DESC, l.id DESC LIMIT ${options.limit}`;
    },

    /** Whether an approved/active loan of the item overlaps these dates. */
    async isBooked(itemId: string, startDate: string, endDate: string): Promise<boolean> {
      const rows = await db.$queryRaw<{ booked: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM loans WHERE item_id = ${itemId} AND status IN ${BOOKING_STATUSES}
          AND daterange(start_date, end_date, '[]') && daterange(${startDate}::date, ${endDate}::date, '[]')) AS booked`;
      return rows[0]?.booked ?? false;
    },

    create: (loan: {
      itemId: string;
      ownerId: string;
      borrowerId: string;
      startDate: string;
      endDate: string;
      message: string | null;
    }) =>
      db.$transaction(async (tx) => {
        const { id } = await tx.loan.create({
          data: {
            ...loan,
            startDate: new Date(`${loan.startDate}T00:00:00Z`),
            endDate: new Date(`${loan.endDate}T00:00:00Z`),
          },
          select: { id: true },
        });
        await tx.loanEvent.create({
          data: {
            loanId: id,
            type: "requested",
            fromStatus: null,
            toStatus: "requested",
            actorId: loan.borrowerId,
          },
        });
        return id;
      }),

    /**
     * Moves a loan from one of `from` to `to` and records the event, atomically; false when the loan
     * was no longer in an allowed state (someone else moved it first). When the move changes which
     * dates are booked, the item's version is bumped in the same transaction (its ETag covers its
     * bookings), which also serialises the move with the item's removal. Throws OverlapError when the
     * exclusion constraint refuses an approval.
     */
    transition: (t: Transition, changesBookings: boolean) =>
      db
        .$transaction(async (tx) => {
          const moved = await tx.$queryRaw<{ itemId: string; fromStatus: LoanStatus }[]>`
            UPDATE loans l SET status = ${t.to}::"LoanStatus", updated_at = now()
            FROM loans old WHERE l.id = ${t.id} AND old.id = l.id AND l.status::text IN (${join(t.from)})
            RETURNING l.item_id AS "itemId", old.status::text AS "fromStatus"`;
          const row = moved[0];
          if (!row) return false;
          await tx.$executeRaw`
            INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
            VALUES (${t.id}, ${t.type}::"LoanEventType", ${row.fromStatus}::"LoanStatus", ${t.to}::"LoanStatus", ${t.actorId})`;
          if (changesBookings) {
            const touched =
              await tx.$executeRaw`UPDATE items SET version = version + 1, updated_at = now() WHERE id = ${row.itemId} AND deleted_at IS NULL`;
            if (touched === 0 && t.to === "approved") throw new ItemGone();
          }
          return true;
        })
        .catch((error: unknown) => {
          if (sqlStateOf(error) === "23P01") throw new OverlapError();
          if (error instanceof ItemGone) return false;
          throw error;
        }),

    /** Expires requests whose start date passed unanswered; answers how many. */
    expireStale: (today: string): Promise<number> =>
      db.$executeRaw`
        WITH expired AS (
          UPDATE loans SET status = 'expired', updated_at = now()
          WHERE status = 'requested' AND start_date < ${today}::date RETURNING id)
        INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
        SELECT id, 'expired', 'requested', 'expired', NULL FROM expired`,

    /** Cancels every loan still open where the user is borrower or owner (their account is gone). */
    cancelAllOf: (userId: string): Promise<number> =>
      db.$executeRaw`
        WITH cancelled AS (
          UPDATE loans l SET status = 'cancelled', updated_at = now() FROM loans old
          WHERE old.id = l.id AND (l.borrower_id = ${userId} OR l.owner_id = ${userId}) AND l.status IN ('requested', 'approved', 'active')
          RETURNING l.id, old.status AS from_status)
        INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
        SELECT id, 'cancelled', from_status, 'cancelled', NULL FROM cancelled`,
  };
}

class ItemGone extends Error {}

export type LoansRepository = ReturnType<typeof createLoansRepository>;
