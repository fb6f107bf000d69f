"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { LoanDetail } from "@sharehood/sdk/contract";
import { loanTransitionAction } from "@/features/loans/actions";
import type { LoanAction } from "@/features/loans/loan-status";
import { loanQuery } from "@/features/loans/queries";

/** Runs a loan transition through the server action and refreshes every list that shows loans. */
export function useLoanAction(loanId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // `reason`: an admin cancelling someone else's loan may say why, for the audit log.
    mutationFn: async ({ action, reason }: { action: LoanAction; reason?: string }): Promise<LoanDetail> => {
      const result = await loanTransitionAction(loanId, action, reason);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: async (loan) => {
      queryClient.setQueryData(loanQuery(loan.id).queryKey, loan);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ["loans", "list"] }),
        queryClient.invalidateQueries({ queryKey: ["loans", "waiting"] }),
      ]);
    },
  });
}
