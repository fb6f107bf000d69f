"use client";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { openLoanAction } from "@/features/admin/open-loan-action";
import { useFormAction } from "@/features/layout/use-form-action";

/** Finds a loan by reference so an admin can read its history and cancel it. */
export function LoanLookup() {
  const { state: error, pending, formProps } = useFormAction(openLoanAction, null);
  return (
    <form {...formProps} className="flex flex-col gap-4 sm:flex-row sm:items-start">
      <TextField
        name="reference"
        label="Loan reference or link"
        placeholder="e.g. cm9x2k1ab0001"
        required
        error={error ?? undefined}
        className="flex-1"
      />
      <Button type="submit" pending={pending} className="sm:mt-7">
        Open loan
      </Button>
    </form>
  );
}
