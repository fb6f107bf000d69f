import type { LoanExtension, LoanStatus } from "@sharehood/sdk";
import { writeEvents } from "@sharehood/server-kit";
import { Prisma, sqlStateOf, type Db } from "../../db.ts";
import { newId } from "../../new-id.ts";
import { collisionOf } from "./collision.ts";
import { extensionEvent, type ExtensionEventType } from "./loan-events.ts";
import { loanIn, lockItemOf, type Tx } from "./loans.repository.ts";

/** An extension as the repository returns it (dates as `YYYY-MM-DD`). */
export interface ExtensionRow {
  id: string;
  loanId: string;
  previousEndDate: string;
  endDate: string;
  status: LoanExtension["status"];
  createdAt: Date;
  decidedAt: Date | null;
}

/** How a pending extension is settled, by whom: the owner approves or declines, the borrower withdraws. */
export type ExtensionDecision = "approve" | "decline" | "cancel";

const SETTLED: Record<
  ExtensionDecision,
  { status: ExtensionRow["status"]; event: ExtensionEventType | null }
> = {
  approve: { status: "approved", event: "loan.extension_approved" },
  decline: { status: "declined", event: "loan.extension_declined" },
  // A withdrawal is recorded in the loan's history; nobody needs telling.
  cancel: { status: "cancelled", event: null },
};

/** The loan already has a pending extension (the partial unique index said so). */
export class ExtensionPending extends Error {}
/** There was nothing to settle: no pending extension, or the loan left approved/active meanwhile. */
export class NothingPending extends Error {}

const { sql } = Prisma;

const EXTENSION_COLUMNS = sql`
  id, loan_id AS "loanId", to_char(previous_end_date, 'YYYY-MM-DD') AS "previousEndDate",
  to_char(end_date, 'YYYY-MM-DD') AS "endDate", status::text AS status, created_at AS "createdAt",
  decided_at AS "decidedAt"`;

// Extensions concern loans that hold their dates; a loan that left these states has nothing to extend.
const EXTENDABLE = sql`('approved', 'active')`;

export function createLoanExtensionsRepository(db: Db, options: { onEventsWritten?: () => void } = {}) {
  const nudge = () => options.onEventsWritten?.();

  /** Records an extension's step in the loan's history (the status does not change) and its event. */
  async function record(
    tx: Tx,
    loanId: string,
    step: { type: `extension_${string}`; actorId: string; event: ExtensionEventType | null },
    extension: ExtensionRow,
  ): Promise<void> {
    await tx.$executeRaw`
      INSERT INTO loan_events (loan_id, type, from_status, to_status, actor_id, end_date)
      SELECT id, ${step.type}::"LoanEventType", status, status, ${step.actorId}, ${extension.endDate}::date
      FROM loans WHERE id = ${loanId}`;
    if (step.event) {
      const loan = await loanIn(tx, loanId);
      await writeEvents(tx, "inventory-api", [extensionEvent(step.event, loan, step.actorId, extension)]);
    }
  }

  return {
    /** The newest extension of a loan (pending, or how the last one ended); null if none. */
    async latest(loanId: string): Promise<ExtensionRow | null> {
      const rows = await db.$queryRaw<ExtensionRow[]>`
        SELECT ${EXTENSION_COLUMNS} FROM loan_extensions WHERE loan_id = ${loanId} ORDER BY created_at DESC, id DESC LIMIT 1`;
      return rows[0] ?? null;
    },

    /**
     * Asks for a loan to end on `endDate` instead of `previousEndDate`, with its history entry and
     * event, atomically. The loan's row is locked and checked first, so an extension is never
     * recorded against a loan that moved meanwhile (answers null then). Throws ExtensionPending when
     * one is already waiting (the partial unique index decides, whatever the concurrency).
     */
    async request(ask: {
      loanId: string;
      borrowerId: string;
      previousEndDate: string;
      endDate: string;
    }): Promise<ExtensionRow | null> {
      const created = await db
        .$transaction(async (tx) => {
          const loan = await tx.$queryRaw<{ status: LoanStatus }[]>`
            SELECT status::text AS status FROM loans
            WHERE id = ${ask.loanId} AND status IN ${EXTENDABLE} AND end_date = ${ask.previousEndDate}::date
            FOR UPDATE`;
          if (!loan[0]) return null;
          const rows = await tx.$queryRaw<ExtensionRow[]>`
            WITH created AS (
              INSERT INTO loan_extensions (id, loan_id, previous_end_date, end_date)
              VALUES (${newId()}, ${ask.loanId}, ${ask.previousEndDate}::date, ${ask.endDate}::date)
              RETURNING *)
            SELECT ${EXTENSION_COLUMNS} FROM created`;
          const extension = rows[0]!;
          await record(
            tx,
            ask.loanId,
            { type: "extension_requested", actorId: ask.borrowerId, event: "loan.extension_requested" },
            extension,
          );
          return extension;
        })
        .catch((error: unknown) => {
          if (sqlStateOf(error) === "23505") throw new ExtensionPending();
          throw error;
        });
      if (created) nudge();
      return created;
    },

    /**
     * Settles a loan's pending extension, atomically: marks it, and for an approval moves the loan's
     * end date (the exclusion constraint and the blocked-days trigger check the new dates: a
     * collision throws a Collision and nothing changes) and bumps the item's version (its ETag covers
     * its bookings). Every settlement touches the loan's updated_at (calendar feeds show it). Throws NothingPending when there is no pending extension or the loan is no
     * longer approved or active.
     */
    async settle(loanId: string, decision: ExtensionDecision, actorId: string): Promise<ExtensionRow> {
      const { status, event } = SETTLED[decision];
      const settled = await db
        .$transaction(async (tx) => {
          // Item, then loan, then extension: the order every move of a loan locks them in.
          const approving = decision === "approve";
          if (approving) await lockItemOf(tx, loanId, true);
          const extendable = await tx.$executeRaw`
            UPDATE loans SET updated_at = now() WHERE id = ${loanId} AND status IN ${EXTENDABLE}`;
          if (extendable === 0) throw new NothingPending();
          const rows = await tx.$queryRaw<ExtensionRow[]>`
            WITH settled AS (
              UPDATE loan_extensions SET status = ${status}::"ExtensionStatus", decided_at = now()
              WHERE loan_id = ${loanId} AND status = 'pending'
              RETURNING *)
            SELECT ${EXTENSION_COLUMNS} FROM settled`;
          const extension = rows[0];
          if (!extension) throw new NothingPending();
          if (approving) {
            // Against the end date asked from: if the loan's end moved since, this extension is stale.
            // The reminders of the old end date are forgotten, so the new one gets its own.
            const moved = await tx.$executeRaw`
              UPDATE loans SET end_date = ${extension.endDate}::date,
                               due_soon_notified_at = NULL, overdue_notified_at = NULL
              WHERE id = ${loanId} AND end_date = ${extension.previousEndDate}::date`;
            if (moved === 0) throw new NothingPending();
          }
          await record(tx, loanId, { type: `extension_${status}`, actorId, event }, extension);
          return extension;
        })
        .catch((error: unknown) => {
          throw collisionOf(error) ?? error;
        });
      if (event) nudge();
      return settled;
    },
  };
}

export type LoanExtensionsRepository = ReturnType<typeof createLoanExtensionsRepository>;
