"use client";
import { useState } from "react";
import type { Loan } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { AdminCancelConfirm } from "@/features/loans/admin-cancel";
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
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const actions = allowedActions(loan, viewerId, canCancelAny);
  if (actions.length === 0) return null;
  // An admin outside the loan cancels it after a second step, and may say why.
  const adminCancel = canCancelAny && loan.ownerId !== viewerId && loan.borrowerId !== viewerId;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2" role="group" aria-label={`Actions for ${loan.item.title}`}>
        {actions.map((action) => (
          <Button
            key={action}
            size="sm"
            variant={VARIANT[action]}
            pending={mutation.isPending && mutation.variables.action === action}
            disabled={mutation.isPending || (action === "cancel" && confirmingCancel)}
            onClick={() =>
              action === "cancel" && adminCancel ? setConfirmingCancel(true) : mutation.mutate({ action })
            }
          >
            {action === "cancel" && adminCancel ? "Cancel loan (admin)" : ACTION_LABELS[action]}
          </Button>
        ))}
      </div>
      {confirmingCancel && (
        <AdminCancelConfirm
          itemTitle={loan.item.title}
          pending={mutation.isPending}
          onConfirm={(reason) => mutation.mutate({ action: "cancel", reason })}
          onBack={() => setConfirmingCancel(false)}
        />
      )}
      {mutation.isError && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {mutation.error.message}
        </p>
      )}
    </div>
  );
}
