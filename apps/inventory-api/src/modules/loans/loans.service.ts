import { z } from "zod";
import type { LoanDetail, LoanStatus, Page, Loan } from "@sharehood/sdk";
import type {
  CreateLoanBodySchema,
  ListAllLoansQuerySchema,
  ListLoansQuerySchema,
} from "@sharehood/sdk/contract";
import { AppError, conflict, decodeCursor, encodeCursor, forbidden, notFound } from "@sharehood/server-kit";
import { daysBetween, todayUtc } from "../../dates.ts";
import { can, type Caller } from "../auth/caller.ts";
import { blocked } from "../conversations/blocked.ts";
import { auditEvent } from "../moderation/audit-event.ts";
import { Collision } from "./collision.ts";
import { LIFECYCLE, VERB, type Action } from "./lifecycle.ts";
import { toLoanDto } from "./loan-dto.ts";
import type { LoanReader } from "./loan-reader.ts";
import { rolesOf } from "./loan-roles.ts";
import { collisionRefusal, DEFAULT_MAX_LOAN_DAYS, refuseByRules } from "./loan-rules.ts";
import type { LoanRulesRepository } from "./loan-rules.repository.ts";
import type { LoansRepository } from "./loans.repository.ts";

const MAX_DAYS_AHEAD = 365;
const LoanCursorSchema = z.tuple([z.iso.datetime(), z.string().max(64)]);

const invalidDates = (path: string, message: string) =>
  new AppError("validation_failed", `The ${path === "body.startDate" ? "start" : "end"} date ${message}`, {
    errors: [{ path, message }],
  });

export function createLoansService(deps: {
  loans: LoansRepository;
  rules: LoanRulesRepository;
  reader: LoanReader;
}) {
  // Transitions that change bookings declare `invalidates: "catalogue"` on their routes; the route
  // mounter empties the public cache.
  const { loans, rules, reader } = deps;
  const { mustFind, detail } = reader;

  async function page(
    query: { cursor?: string; limit: number },
    filters: Omit<Parameters<LoansRepository["list"]>[0], "after" | "limit">,
  ): Promise<Page<Loan>> {
    const rows = await loans.list({
      ...filters,
      after: query.cursor ? decodeCursor(query.cursor, LoanCursorSchema) : undefined,
      limit: query.limit + 1,
    });
    const today = todayUtc();
    const items = rows.slice(0, query.limit);
    const last = items.at(-1);
    return {
      items: items.map((row) => toLoanDto(row, today)),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
    };
  }

  return {
    /**
     * Asks to borrow an item, if its owner's rules allow these dates. One query answers the item,
     * its rules, a block between the two people and whether the dates are held (see
     * loan-rules.repository.ts); the exclusion constraint still decides at approval.
     */
    async request(
      caller: Caller,
      itemId: string,
      body: z.output<typeof CreateLoanBodySchema>,
    ): Promise<LoanDetail> {
      const item = await rules.requestTarget(itemId, caller.user.id, body.startDate, body.endDate);
      // A hidden item cannot be borrowed: it answers as if it did not exist.
      if (!item || item.hidden) throw notFound("The item");
      if (item.ownerId === caller.user.id) throw forbidden("You cannot borrow your own item");
      if (item.blockedByOwner) throw blocked("The owner of this item does not accept requests from you");
      const today = todayUtc();
      if (body.startDate < today) throw invalidDates("body.startDate", "must not be in the past");
      if (daysBetween(today, body.startDate) > MAX_DAYS_AHEAD)
        throw invalidDates("body.startDate", `must be within ${MAX_DAYS_AHEAD} days`);
      // Past the owner's maximum is a refusal by their rules (422 too_long, below); without one, the
      // house limit is a rule of the form, answered beside the end date as it always was.
      if (item.maxDays === null && daysBetween(body.startDate, body.endDate) + 1 > DEFAULT_MAX_LOAN_DAYS)
        throw invalidDates("body.endDate", `must be at most ${DEFAULT_MAX_LOAN_DAYS} days after the start`);
      refuseByRules(item, item, body, today);
      const id = await loans.create({
        itemId,
        ownerId: item.ownerId,
        borrowerId: caller.user.id,
        startDate: body.startDate,
        endDate: body.endDate,
        message: body.message || null,
      });
      return detail(await mustFind(id), caller);
    },

    async get(caller: Caller, id: string): Promise<LoanDetail> {
      const loan = await mustFind(id);
      const isParty = loan.ownerId === caller.user.id || loan.borrowerId === caller.user.id;
      if (!isParty && !can(caller, "system.admin") && !can(caller, "loan.cancel.any"))
        throw forbidden("Only the borrower, the owner or an admin can see this loan");
      return detail(loan, caller);
    },

    list: (caller: Caller, query: z.output<typeof ListLoansQuerySchema>): Promise<Page<Loan>> =>
      page(query, { party: { userId: caller.user.id, as: query.as }, status: query.status }),

    /** Every loan, for moderators (the route requires `loan.cancel.any`). */
    listAll: (query: z.output<typeof ListAllLoansQuerySchema>): Promise<Page<Loan>> =>
      page(query, {
        party: query.userId ? { userId: query.userId } : undefined,
        status: query.status,
        overdue: query.overdue === undefined ? undefined : { is: query.overdue, today: todayUtc() },
        itemId: query.itemId,
      }),

    /**
     * Takes one lifecycle action, if this caller may take it from the loan's current state. An admin
     * cancelling a loan that is not theirs may say why (`reason`); the audit log records it.
     */
    async act(caller: Caller, id: string, action: Action, reason?: string): Promise<LoanDetail> {
      let loan = await mustFind(id);
      const rule = LIFECYCLE[action];
      const roles = rolesOf(caller, loan).filter((role) => rule.from[role]);
      if (roles.length === 0) {
        throw forbidden(
          action === "cancel"
            ? "Only the borrower, the owner or an admin can cancel this loan"
            : `Only the item's owner can mark a loan ${VERB[action]}`,
        );
      }
      // A request whose start date has passed is expired, even if the sweep has not run yet.
      if (loan.status === "requested" && loan.startDate < todayUtc()) {
        await loans.expireStale(todayUtc());
        loan = await mustFind(id);
      }
      const allowed = [...new Set(roles.flatMap((role) => rule.from[role] ?? []))] as LoanStatus[];
      if (!allowed.includes(loan.status)) {
        throw conflict(`A loan that is ${loan.status} cannot be ${VERB[action]}`);
      }
      // Only admins act on loans that are not theirs (cancelling them), and the audit log says so.
      const isParty = loan.ownerId === caller.user.id || loan.borrowerId === caller.user.id;
      const audit = isParty
        ? []
        : [
            auditEvent(caller, {
              action: "loan.cancelled",
              subject: { type: "loan", id, label: loan.itemTitle },
              reason,
              details: {
                itemId: loan.itemId,
                ownerId: loan.ownerId,
                borrowerId: loan.borrowerId,
                fromStatus: loan.status,
              },
            }),
          ];
      let moved: boolean;
      try {
        moved = await loans.transition(
          { id, from: [loan.status], to: rule.to, type: rule.event, actorId: caller.user.id },
          rule.changesBookings(loan.status),
          audit,
        );
      } catch (error) {
        if (error instanceof Collision) throw collisionRefusal(error.reason);
        throw error;
      }
      if (!moved) {
        const now = await mustFind(id);
        throw conflict(
          now.status === loan.status
            ? "The item is no longer listed"
            : `The loan changed meanwhile: it is ${now.status} now`,
        );
      }
      return detail(await mustFind(id), caller);
    },
  };
}

export type LoansService = ReturnType<typeof createLoansService>;
