import type { LoanDetail } from "@sharehood/sdk";
import { notFound } from "@sharehood/server-kit";
import { todayUtc } from "../../dates.ts";
import type { Caller } from "../auth/caller.ts";
import { toLoanDetailDto } from "./loan-dto.ts";
import type { LoanExtensionsRepository } from "./loan-extensions.repository.ts";
import type { LoansRepository, LoanRow } from "./loans.repository.ts";

/** Reading one loan, shared by the lifecycle and the extension services. */
export function createLoanReader(deps: { loans: LoansRepository; extensions: LoanExtensionsRepository }) {
  const { loans, extensions } = deps;
  return {
    /** The loan, or 404. */
    mustFind: async (id: string): Promise<LoanRow> => {
      const row = await loans.findById(id);
      if (!row) throw notFound("The loan");
      return row;
    },

    /** The loan with its history and newest extension (read side by side), as `viewer` sees it. */
    detail: async (row: LoanRow, viewer: Caller): Promise<LoanDetail> => {
      const [events, extension] = await Promise.all([loans.events(row.id), extensions.latest(row.id)]);
      return toLoanDetailDto(row, events, extension, todayUtc(), viewer.user.id);
    },
  };
}

export type LoanReader = ReturnType<typeof createLoanReader>;
