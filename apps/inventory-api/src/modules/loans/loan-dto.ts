import type { Loan, LoanDetail } from "@sharehood/sdk";
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

export function toLoanDetailDto(row: LoanRow, events: LoanEventRow[], today: string): LoanDetail {
  return { ...toLoanDto(row, today), events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
