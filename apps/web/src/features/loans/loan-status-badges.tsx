import type { Loan } from "@sharehood/sdk/contract";
import { Badge } from "@sharehood/ui/badge";
import { STATUS_LOOK } from "@/features/loans/loan-status";

/** A loan's state as badges: its status, and "Overdue" when it is. */
export function LoanStatusBadges({ loan }: { loan: Pick<Loan, "status" | "overdue"> }) {
  const look = STATUS_LOOK[loan.status];
  return (
    <>
      <Badge tone={look.tone}>{look.label}</Badge>
      {loan.overdue && <Badge tone="red">Overdue</Badge>}
    </>
  );
}
