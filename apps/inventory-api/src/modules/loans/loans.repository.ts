import type { LoanEvent, LoanStatus, NewDomainEvent } from "@sharehood/sdk";
import { writeEvents } from "@sharehood/server-kit";
import { Prisma, type Db } from "../../db.ts";
import { openLoanThread } from "../conversations/conversations.repository.ts";
import { collisionOf } from "./collision.ts";
import { loanEvent, type LoanEventType } from "./loan-events.ts";

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
  /** The thread between borrower and owner (every loan has one). */
  conversationId: string | null;
}

export interface LoanEventRow {
  type: LoanEvent["type"];
  fromStatus: LoanStatus | null;
  toStatus: LoanStatus;
  actorId: string | null;
  at: Date;
  /** The end date asked for, on the extension events; null on the others. */
  endDate: string | null;
}

export interface Transition {
  id: string;
  from: LoanStatus[];
  to: LoanStatus;
  type: Exclude<LoanEventRow["type"], `extension_${string}`>;
  actorId: string | null;
}

const { sql, join } = Prisma;

const SELECT_LOAN = sql`
  SELECT l.id, l.item_id AS "itemId", i.title AS "itemTitle", l.owner_id AS "ownerId", l.borrower_id AS "borrowerId",
         coalesce(o.name, 'A neighbour') AS "borrowerName", to_char(l.start_date, 'YYYY-MM-DD') AS "startDate",
         to_char(l.end_date, 'YYYY-MM-DD') AS "endDate", l.message, l.status::text AS status,
         l.created_at AS "createdAt", l.updated_at AS "updatedAt", cv.id AS "conversationId"
  FROM loans l JOIN items i ON i.id = l.item_id LEFT JOIN owners o ON o.id = l.borrower_id
  LEFT JOIN conversations cv ON cv.loan_id = l.id`;

// The review window runs from the return, so the return stamps its time (the only move that does).
const RETURNED_NOW = sql`, returned_at = now()`;

/** A transaction's client, as `db.$transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The reminders the sweep sends, each once per loan: the column that marks it sent, and which loans. */
export interface ReminderDates {
  today: string;
  tomorrow: string;
  /** Requests made before this and still unanswered are "waiting". */
  waitingSince: Date;
}

/**
 * Locks a loan's item first thing in a transaction that moves the loan, and bumps its version when
 * the move books or frees dates (its ETag covers its bookings); answers whether the item is still
 * listed. Every move locks the item before the loan, so moves of one item queue in one order: the
 * blocked-days trigger takes the item's row in share mode after the loan's, and two moves that each
 * held what the other then wanted (two approvals holding it shared; a handover holding its loan
 * while an extension's approval holds the item) would deadlock.
 */
export async function lockItemOf(tx: Tx, loanId: string, bump: boolean): Promise<boolean> {
  const item = sql`(SELECT item_id FROM loans WHERE id = ${loanId})`;
  const listed = bump
    ? await tx.$queryRaw<{ listed: boolean }[]>`
        UPDATE items SET version = version + 1, updated_at = now() WHERE id = ${item} AND deleted_at IS NULL
        RETURNING true AS listed`
    : await tx.$queryRaw<{ listed: boolean }[]>`
        SELECT deleted_at IS NULL AS listed FROM items WHERE id = ${item} FOR NO KEY UPDATE`;
  return listed[0]?.listed ?? false;
}

/** Marks a loan's pending extension request, if any, as cancelled (the loan ended first). */
function closePendingExtension(tx: Tx, loanId: string): Promise<number> {
  return tx.$executeRaw`
    UPDATE loan_extensions SET status = 'cancelled', decided_at = now() WHERE loan_id = ${loanId} AND status = 'pending'`;
}

/** A loan as it stands inside a transaction that changed it (for the change's event). */
export async function loanIn(tx: Tx, id: string): Promise<LoanRow> {
  const rows = await tx.$queryRaw<LoanRow[]>`${SELECT_LOAN} WHERE l.id = ${id}`;
  if (!rows[0]) throw new Error(`loan ${id} vanished inside its own transaction`);
  return rows[0];
}

export function createLoansRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  // Every change to a loan writes its domain event in the change's own transaction (the outbox);
  // after the commit, the relay is nudged to publish it at once.
  const nudge = () => options.onEventsWritten?.();
  const tell = (tx: Tx, events: NewDomainEvent[]) => writeEvents(tx, "inventory-api", events);

  /**
   * Marks the loans `where` picks as reminded (`column`, when still unset) and writes their events,
   * in one transaction. The UPDATE decides: on two replicas at once, the second waits for the first's
   * row locks, then finds the column set and skips the loan, so each reminder goes out once.
   */
  async function remind(type: LoanEventType, column: string, where: Prisma.Sql): Promise<number> {
    const mark = Prisma.raw(column);
    const count = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<LoanRow[]>`
        WITH picked AS (
          UPDATE loans l SET ${mark} = now() WHERE ${where} AND ${mark} IS NULL RETURNING l.id)
        ${SELECT_LOAN} WHERE l.id IN (SELECT id FROM picked)`;
      await tell(
        tx,
        rows.map((row) => loanEvent(type, row, null)),
      );
      return rows.length;
    });
    if (count > 0) nudge();
    return count;
  }

  return {
    async findById(id: string): Promise<LoanRow | null> {
      const rows = await db.$queryRaw<LoanRow[]>`${SELECT_LOAN} WHERE l.id = ${id}`;
      return rows[0] ?? null;
    },

    events: (loanId: string): Promise<LoanEventRow[]> =>
      db.$queryRaw`
        SELECT type::text AS type, from_status::text AS "fromStatus", to_status::text AS "toStatus", actor_id AS "actorId", at,
               to_char(end_date, 'YYYY-MM-DD') AS "endDate"
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

    create: async (loan: {
      itemId: string;
      ownerId: string;
      borrowerId: string;
      startDate: string;
      endDate: string;
      message: string | null;
    }): Promise<string> => {
      const created = await db.$transaction(async (tx) => {
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
        // The loan's thread, with the request's message as its first message.
        await openLoanThread(tx, { ...loan, id });
        await tell(tx, [loanEvent("loan.requested", await loanIn(tx, id), loan.borrowerId)]);
        return id;
      });
      nudge();
      return created;
    },

    /**
     * Moves a loan from one of `from` to `to` and records the event, atomically; false when the loan
     * was no longer in an allowed state (someone else moved it first). When the move changes which
     * dates are booked, the item's version is bumped in the same transaction (its ETag covers its
     * bookings), which also serialises the move with the item's removal (see lockItemOf). Throws a
     * Collision when the database refuses an approval over another booking or the owner's blocked
     * days. `also` are more events of the move (an admin's audit record), written with it.
     */
    transition: async (
      t: Transition,
      changesBookings: boolean,
      also: readonly NewDomainEvent[] = [],
    ): Promise<boolean> => {
      const moved = await db
        .$transaction(async (tx) => {
          const listed = await lockItemOf(tx, t.id, changesBookings);
          if (!listed && t.to === "approved") throw new NotMoved();
          const moved = await tx.$queryRaw<{ fromStatus: LoanStatus }[]>`
            UPDATE loans l SET status = ${t.to}::"LoanStatus", updated_at = now()${t.to === "returned" ? RETURNED_NOW : sql``}
            FROM loans old WHERE l.id = ${t.id} AND old.id = l.id AND l.status::text IN (${join(t.from)})
            RETURNING old.status::text AS "fromStatus"`;
          const row = moved[0];
          // Someone else moved it first: roll the version bump back too.
          if (!row) throw new NotMoved();
          await tx.$executeRaw`
            INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
            VALUES (${t.id}, ${t.type}::"LoanEventType", ${row.fromStatus}::"LoanStatus", ${t.to}::"LoanStatus", ${t.actorId})`;
          // A loan that ends has nothing left to extend: a waiting request lapses with it.
          if (t.to === "returned" || t.to === "cancelled") await closePendingExtension(tx, t.id);
          await tell(tx, [loanEvent(`loan.${t.type}`, await loanIn(tx, t.id), t.actorId), ...also]);
          return true;
        })
        .catch((error: unknown) => {
          const collision = collisionOf(error);
          if (collision) throw collision;
          if (error instanceof NotMoved) return false;
          throw error;
        });
      if (moved) nudge();
      return moved;
    },

    /**
     * Expires requests whose start date passed unanswered, with their loan.expired events; answers
     * how many. The final SELECT reads the loans as they were before the UPDATE (one snapshot), so
     * the events are given the new status.
     */
    expireStale: async (today: string): Promise<number> => {
      const count = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<LoanRow[]>`
          WITH expired AS (
            UPDATE loans SET status = 'expired', updated_at = now()
            WHERE status = 'requested' AND start_date < ${today}::date RETURNING id),
          recorded AS (
            INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
            SELECT id, 'expired', 'requested', 'expired', NULL FROM expired)
          ${SELECT_LOAN} WHERE l.id IN (SELECT id FROM expired)`;
        await tell(
          tx,
          rows.map((row) => loanEvent("loan.expired", row, null, "expired")),
        );
        return rows.length;
      });
      if (count > 0) nudge();
      return count;
    },

    /**
     * Sends the reminders that are due, each once per loan: loan.due_soon for an approved or active
     * loan whose end date is tomorrow (UTC, as every loan date), loan.overdue for an active loan past
     * its end date, loan.request_waiting (to the owner) for a request unanswered since
     * `waitingSince` that has not expired. Answers how many of each went out.
     */
    sendReminders: async (dates: ReminderDates) => ({
      dueSoon: await remind(
        "loan.due_soon",
        "due_soon_notified_at",
        sql`l.status IN ('approved', 'active') AND l.end_date = ${dates.tomorrow}::date`,
      ),
      overdue: await remind(
        "loan.overdue",
        "overdue_notified_at",
        sql`l.status = 'active' AND l.end_date < ${dates.today}::date`,
      ),
      waiting: await remind(
        "loan.request_waiting",
        "waiting_notified_at",
        sql`l.status = 'requested' AND l.created_at < ${dates.waitingSince} AND l.start_date >= ${dates.today}::date`,
      ),
    }),

    /**
     * Cancels every loan still open where the user is borrower or owner (their account is gone), with
     * loan.cancelled events by no one (the other party hears of it); answers how many.
     */
    cancelAllOf: async (userId: string): Promise<number> => {
      const count = await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<LoanRow[]>`
          WITH cancelled AS (
            UPDATE loans l SET status = 'cancelled', updated_at = now() FROM loans old
            WHERE old.id = l.id AND (l.borrower_id = ${userId} OR l.owner_id = ${userId}) AND l.status IN ('requested', 'approved', 'active')
            RETURNING l.id, old.status AS from_status),
          recorded AS (
            INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id)
            SELECT id, 'cancelled', from_status, 'cancelled', NULL FROM cancelled),
          lapsed AS (
            UPDATE loan_extensions SET status = 'cancelled', decided_at = now()
            WHERE status = 'pending' AND loan_id IN (SELECT id FROM cancelled))
          ${SELECT_LOAN} WHERE l.id IN (SELECT id FROM cancelled)`;
        await tell(
          tx,
          rows.map((row) => loanEvent("loan.cancelled", row, null, "cancelled")),
        );
        return rows.length;
      });
      if (count > 0) nudge();
      return count;
    },
  };
}

/** The move did not happen (the item was removed, or the loan had moved on): roll back, answer false. */
class NotMoved extends Error {}

export type LoansRepository = ReturnType<typeof createLoansRepository>;
