import { formatDay } from "@sharehood/sdk";
import type { LoanDetail, LoanExtension, LoanStatus, RequestExtensionBody } from "@sharehood/sdk";
import { AppError, conflict, forbidden } from "@sharehood/server-kit";
import { addDays } from "../../dates.ts";
import type { Caller } from "../auth/caller.ts";
import { Collision } from "./collision.ts";
import type { Role } from "./lifecycle.ts";
import { toExtensionDto } from "./loan-dto.ts";
import {
  ExtensionPending,
  NothingPending,
  type ExtensionDecision,
  type LoanExtensionsRepository,
} from "./loan-extensions.repository.ts";
import type { LoanReader } from "./loan-reader.ts";
import { rolesOf } from "./loan-roles.ts";
import { collisionRefusal, refusal, refuseHeldDates, refuseTooLong } from "./loan-rules.ts";
import type { LoanRulesRepository } from "./loan-rules.repository.ts";
import type { LoanRow } from "./loans.repository.ts";

/** Loans that hold their dates: only these can be extended. */
const EXTENDABLE: readonly LoanStatus[] = ["approved", "active"];

/** Who settles a pending extension each way. */
const SETTLER: Record<ExtensionDecision, { role: Role; verb: string }> = {
  approve: { role: "owner", verb: "approve" },
  decline: { role: "owner", verb: "decline" },
  cancel: { role: "borrower", verb: "withdraw" },
};

const pendingAlready = () =>
  refusal("extension_pending", "You already asked to extend this loan; wait for the owner's answer first");

/**
 * Extending a loan: the borrower asks for a later end date, the owner approves (which moves the
 * loan's end in the database, where the exclusion constraint and the blocked-days trigger have the
 * last word) or declines, and the borrower may withdraw the request meanwhile.
 */
export function createLoanExtensionsService(deps: {
  extensions: LoanExtensionsRepository;
  rules: LoanRulesRepository;
  reader: LoanReader;
}) {
  const { extensions, rules, reader } = deps;

  function mustBe(caller: Caller, loan: LoanRow, role: Role, what: string): void {
    if (!rolesOf(caller, loan).includes(role))
      throw forbidden(`Only the loan's ${role} can ${what} an extension`);
  }

  function mustBeExtendable(loan: LoanRow): void {
    if (!EXTENDABLE.includes(loan.status)) throw conflict(`A loan that is ${loan.status} cannot be extended`);
  }

  return {
    /**
     * Asks to keep an approved or active loan until `endDate`. Refused early when the loan would be
     * longer than the item allows (422 too_long) or its added days are held (409 dates_blocked or
     * dates_taken), so the owner is only asked what they could approve.
     */
    async request(caller: Caller, loanId: string, body: RequestExtensionBody): Promise<LoanExtension> {
      const loan = await reader.mustFind(loanId);
      mustBe(caller, loan, "borrower", "ask for");
      mustBeExtendable(loan);
      if (body.endDate <= loan.endDate)
        throw new AppError("validation_failed", `The new end date must be after ${formatDay(loan.endDate)}`, {
          errors: [{ path: "body.endDate", message: `must be after the loan's end date ${loan.endDate}` }],
        });
      // Only the added days can collide: the loan holds its own.
      const target = await rules.extensionTarget(loanId, addDays(loan.endDate, 1), body.endDate);
      if (!target) throw conflict("The loan changed meanwhile");
      refuseTooLong(target, loan.startDate, body.endDate);
      refuseHeldDates(target);
      const extension = await extensions
        .request({
          loanId,
          borrowerId: caller.user.id,
          previousEndDate: loan.endDate,
          endDate: body.endDate,
        })
        .catch((error: unknown) => {
          throw error instanceof ExtensionPending ? pendingAlready() : error;
        });
      if (!extension) throw conflict("The loan changed meanwhile; reload it and ask again");
      return toExtensionDto(extension);
    },

    /**
     * Approves, declines (owner) or withdraws (borrower) the loan's pending extension. An approval
     * whose dates collide with another loan or the owner's blocked days is refused with 409 and
     * changes nothing.
     */
    async settle(caller: Caller, loanId: string, decision: ExtensionDecision): Promise<LoanDetail> {
      const loan = await reader.mustFind(loanId);
      const { role, verb } = SETTLER[decision];
      mustBe(caller, loan, role, verb);
      mustBeExtendable(loan);
      try {
        await extensions.settle(loanId, decision, caller.user.id);
      } catch (error) {
        if (error instanceof Collision) throw collisionRefusal(error.reason);
        if (error instanceof NothingPending)
          throw conflict(`There is no pending extension of this loan to ${verb}`);
        throw error;
      }
      return reader.detail(await reader.mustFind(loanId), caller);
    },
  };
}

export type LoanExtensionsService = ReturnType<typeof createLoanExtensionsService>;
