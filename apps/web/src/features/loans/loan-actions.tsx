"use client";
import type { Loan } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { ACTION_LABELS, allowedActions, type LoanAction } from "@/features/loans/loan-status";
import { useLoanAction } from "@/features/loans/use-loan-action";

const VARIANT: Record<LoanAction, "primary" | "secondary" | "danger"> = {
  approve: "primary",
  handover: "primary",
  return: "primary",
  decline: "secondary",
  cancel: "secondary",
};

/** The buttons a loan's state allows for this person; the answer updates the lists in place. */
export function LoanActions({
  loan,
  viewerId,
  canCancelAny,
}: {
  loan: Loan;
  viewerId: string;
  canCancelAny: boolean;
}) {
  const mutation = useLoanAction(loan.id);
  const actions = allowedActions(loan, viewerId, canCancelAny);
  if (actions.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Actions for ${loan.item.title}`}>
        {actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={VARIANT[action]}
            pending={mutation.isPending && mutation.variables === action}
            disabled={mutation.isPending}
            onClick={() => mutation.mutate(action)}
          >
            {action === "cancel" && canCancelAny && loan.ownerId !== viewerId && loan.borrowerId !== viewerId
              ? "Cancel loan (admin)"
              : ACTION_LABELS[action]}
          </Button>
        ))}
      </div>
      {mutation.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
