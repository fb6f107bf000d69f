import type { Loan, LoanDetail, LoanExtension } from "@sharehood/sdk";
import type { ExtensionRow } from "./loan-extensions.repository.ts";
import type { LoanEventRow, LoanRow } from "./loans.repository.ts";

export function toLoanDto(row: LoanRow, today: string): Loan {
  return {
    id: row.id,
    item: { id: row.itemId, title: row.itemTitle },
    ownerId: row.ownerId,
    borrowerId: row.borrowerId,
    borrowerName: row.borrowerName,
    startDate: row.startDate,
    endDate: row.endDate,
    message: row.message,
    status: row.status,
    overdue: row.status === "active" && row.endDate < today,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toExtensionDto(row: ExtensionRow): LoanExtension {
  return {
    ...row,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/**
 * A loan with its history and its newest extension, as `viewerId` sees it: the thread's id only for borrower and owner, the
 * thread's two participants (an admin sees the loan, not the conversation).
 */
export function toLoanDetailDto(
  row: LoanRow,
  events: LoanEventRow[],
  extension: ExtensionRow | null,
  today: string,
  viewerId: string,
): LoanDetail {
  const isParty = viewerId === row.ownerId || viewerId === row.borrowerId;
  return {
    ...toLoanDto(row, today),
    events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
    conversationId: isParty ? row.conversationId : null,
    extension: extension && toExtensionDto(extension),
  };
}
