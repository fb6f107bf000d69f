"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { LoanDetail } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { addDays } from "@/features/items/borrow-rules";
import { formatDate } from "@/features/items/dates";
import {
  decideExtensionAction,
  requestExtensionAction,
  type ExtensionDecision,
} from "@/features/loans/extension-actions";
import { loanQuery } from "@/features/loans/queries";

/**
 * Keeping a loan longer. The borrower of an approved or active loan asks for a later end date,
 * sees it waiting and may withdraw it; the owner sees the waiting request with Approve and
 * Decline. Every answer reads the loan again, so its dates and history show what happened.
 */
export function ExtensionPanel({ loan, viewerId }: { loan: LoanDetail; viewerId: string }) {
  const queryClient = useQueryClient();
  const [endDate, setEndDate] = useState("");
  const [fieldError, setFieldError] = useState<string | undefined>();
  const refresh = async (fresh?: LoanDetail) => {
    if (fresh) queryClient.setQueryData(loanQuery(loan.id).queryKey, fresh);
    else await queryClient.invalidateQueries({ queryKey: loanQuery(loan.id).queryKey });
    await queryClient.invalidateQueries({ queryKey: ["loans", "list"] });
  };
  const ask = useMutation({
    mutationFn: async (date: string) => {
      const result = await requestExtensionAction(loan.id, date);
      if (!result.ok) throw new Error(result.fieldErrors.endDate ?? result.message);
    },
    onSuccess: () => refresh(),
  });
  const decide = useMutation({
    mutationFn: async (decision: ExtensionDecision) => {
      const result = await decideExtensionAction(loan.id, decision);
      if (!result.ok) throw new Error(result.message);
      return result.data;
    },
    onSuccess: (fresh) => refresh(fresh),
  });

  if (loan.status !== "approved" && loan.status !== "active") return null;
  const isBorrower = viewerId === loan.borrowerId;
  const isOwner = viewerId === loan.ownerId;
  if (!isBorrower && !isOwner) return null;
  const extension = loan.extension;
  const pending = extension?.status === "pending" ? extension : null;
  const error = ask.error?.message ?? decide.error?.message;
  const earliest = addDays(loan.endDate, 1);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!endDate) return setFieldError("Choose the new end date");
    if (endDate <= loan.endDate) return setFieldError(`Must be after ${formatDate(loan.endDate)}`);
    setFieldError(undefined);
    decide.reset();
    ask.mutate(endDate);
  }

  return (
    <section
      aria-labelledby="extension-heading"
      className="flex flex-col gap-3 border-t border-stone-100 pt-4"
    >
      <h3 id="extension-heading" className="text-base font-semibold">
        Keep it longer
      </h3>
      {pending ? (
        <>
          <p className="rounded-xl bg-amber-50 px-3 py-2 text-sm text-amber-950 ring-1 ring-amber-200">
            {isBorrower
              ? `You asked to keep it until ${formatDate(pending.endDate)}. Waiting for the owner's answer.`
              : `${loan.borrowerName} asks to keep it until ${formatDate(pending.endDate)} (now until ${formatDate(loan.endDate)}).`}
          </p>
          <div className="flex flex-wrap gap-2" role="group" aria-label="Answer the request to extend">
            {isOwner ? (
              <>
                <Button
                  size="sm"
                  pending={decide.isPending && decide.variables === "approve"}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate("approve")}
                >
                  Approve extension
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  pending={decide.isPending && decide.variables === "decline"}
                  disabled={decide.isPending}
                  onClick={() => decide.mutate("decline")}
                >
                  Decline extension
                </Button>
              </>
            ) : (
              <Button
                size="sm"
                variant="secondary"
                pending={decide.isPending}
                disabled={decide.isPending}
                onClick={() => decide.mutate("cancel")}
              >
                Withdraw request
              </Button>
            )}
          </div>
        </>
      ) : isBorrower ? (
        <form onSubmit={submit} noValidate className="flex flex-col gap-3" aria-label="Ask to extend">
          {extension?.status === "declined" && extension.previousEndDate === loan.endDate && (
            <p className="text-sm text-stone-700">The owner declined your last request to keep it longer.</p>
          )}
          <div className="flex flex-wrap items-end gap-3">
            <TextField
              name="endDate"
              type="date"
              label="Keep it until"
              min={earliest}
              value={endDate}
              error={fieldError}
              onChange={(event) => {
                setEndDate(event.target.value);
                setFieldError(undefined);
              }}
              className="min-w-0 flex-1"
            />
            <Button type="submit" size="sm" pending={ask.isPending}>
              Ask to extend
            </Button>
          </div>
        </form>
      ) : (
        <p className="text-sm text-stone-700">
          {loan.borrowerName} can ask you to keep it longer; you will see the request here.
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
