import type { ListLoansQuery, Loan, LoanDetail } from "@sharehood/sdk";
import { CliError, describeError } from "../cli-error.ts";
import type { Context } from "../context.ts";
import type { Column } from "../output/table.ts";
import { readPages } from "../pages.ts";

export interface ListLoansOptions {
  role?: ListLoansQuery["as"];
  status?: ListLoansQuery["status"];
  limit?: number;
  cursor?: string;
  all?: boolean;
}

const loanColumns: Column<Loan>[] = [
  { header: "ID", cell: (loan) => loan.id, whole: true },
  { header: "ITEM", cell: (loan) => loan.item.title },
  { header: "STATUS", cell: (loan) => (loan.overdue ? `${loan.status} (overdue)` : loan.status) },
  { header: "FROM", cell: (loan) => loan.startDate },
  { header: "TO", cell: (loan) => loan.endDate },
  { header: "BORROWER", cell: (loan) => loan.borrowerName },
  { header: "MESSAGE", cell: (loan) => loan.message },
];

/** `sharehood loans list`: the caller's loans (scope `loans:read`). */
export async function listLoans(context: Context, options: ListLoansOptions): Promise<void> {
  const client = context.client();
  const page = await readPages(
    (cursor) =>
      client.loans.list({
        query: {
          as: options.role,
          status: options.status,
          limit: options.all ? (options.limit ?? 100) : options.limit,
          cursor,
        },
      }),
    options,
  );
  context.table(page, loanColumns, page.items, "No loans found.");
  if (!context.json && page.nextCursor)
    context.note(`More loans: add --cursor ${page.nextCursor} (or --all)`);
}

function printLoan(context: Context, loan: LoanDetail, verb: string): void {
  context.result(loan, () => `${verb} loan ${loan.id} of "${loan.item.title}": now ${loan.status}.`);
}

/** `sharehood loans approve <id>` (the item's owner, scope `loans:write`). */
export async function approveLoan(context: Context, id: string): Promise<void> {
  printLoan(context, await context.client().loans.approve({ params: { id } }), "Approved");
}

/**
 * `sharehood loans decline <id> [--reason]`. The API's decline takes no text, so a reason is
 * written to the borrower in the loan's own thread (scope `messages:write`), where they read it.
 */
export async function declineLoan(context: Context, id: string, options: { reason?: string }): Promise<void> {
  const client = context.client();
  const loan = await client.loans.decline({ params: { id } });
  if (options.reason && loan.conversationId) {
    try {
      await client.conversations.send({
        params: { id: loan.conversationId },
        body: { body: options.reason },
      });
    } catch (error) {
      const { message, exitCode, code } = describeError(error);
      printLoan(context, loan, "Declined");
      throw new CliError(
        `declined, but the reason could not be sent to the borrower: ${message}`,
        exitCode,
        code,
      );
    }
  }
  printLoan(context, loan, "Declined");
  if (options.reason && !context.json)
    context.note("The reason was sent to the borrower in the loan's thread.");
}
