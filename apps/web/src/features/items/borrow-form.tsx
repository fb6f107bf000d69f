"use client";
import { formText } from "@/features/layout/form-text";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { TextField } from "@sharehood/ui/text-field";
import type { DateRange } from "@sharehood/sdk/contract";
import { requestLoanAction } from "@/features/items/actions";
import {
  addDays,
  BORROWING_REFUSAL_TEXT,
  checkRange,
  earliestStart,
  LOAN_LIMITS,
  type BorrowRules,
} from "@/features/items/borrow-rules";
import { formatDate, formatRange } from "@/features/items/dates";
import { useFormAction } from "@/features/layout/use-form-action";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/** The dates the form shares with the calendar, and what the calendar knows about the item. */
export interface BorrowPicker {
  range: { start: string; end: string };
  onRangeChange: (range: { start: string; end: string }) => void;
  rules: BorrowRules;
  taken: readonly DateRange[];
  today: string;
}

function checkDates(startDate: string, endDate: string, picker: BorrowPicker): Record<string, string> {
  const { rules, taken, today } = picker;
  const errors: Record<string, string> = {};
  if (!startDate) errors.startDate = "Choose the first day you need it";
  else if (startDate < today) errors.startDate = "Must not be in the past";
  if (!endDate) errors.endDate = "Choose the day you will bring it back";
  else if (startDate && endDate < startDate) errors.endDate = "Must not be before the start date";
  if (Object.keys(errors).length > 0) return errors;
  // The owner's rules and the taken days, worded like the API's refusals.
  const refusal = checkRange(startDate, endDate, today, rules, taken);
  if (refusal === "notice")
    errors.startDate = `The owner needs notice: the earliest start is ${formatDate(earliestStart(today, rules))}`;
  else if (refusal === "too_short" || refusal === "too_long")
    errors.endDate = BORROWING_REFUSAL_TEXT[refusal];
  else if (refusal) errors.form = BORROWING_REFUSAL_TEXT[refusal];
  return errors;
}

/**
 * The borrow request: a date range and a note to the owner. The dates are the calendar's (pressed
 * there or typed here); errors appear beside their field, the API's refusals in plain words under
 * the dates.
 */
export function BorrowForm({
  itemId,
  itemTitle,
  picker,
}: {
  itemId: string;
  itemTitle: string;
  picker: BorrowPicker;
}) {
  // One nonce per form: a resent identical request reuses its Idempotency-Key.
  const [nonce] = useState(() => crypto.randomUUID());
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const { state, pending, formProps } = useFormAction(requestLoanAction.bind(null, itemId), null, validate);
  const queryClient = useQueryClient();

  useEffect(() => {
    // The borrowing dashboard lists the new request.
    if (state?.ok) void queryClient.invalidateQueries({ queryKey: ["loans"] });
  }, [state, queryClient]);

  function validate(element: HTMLFormElement): boolean {
    const form = new FormData(element);
    const errors = checkDates(formText(form, "startDate"), formText(form, "endDate"), picker);
    setClientErrors(errors);
    return Object.keys(errors).length === 0;
  }

  const serverErrors = state && !state.ok ? state.fieldErrors : {};
  const errors = { ...serverErrors, ...clientErrors };
  const dateProblem =
    clientErrors.form ??
    (state && !state.ok && !serverErrors.startDate && !serverErrors.endDate ? state.message : null);
  const { range, onRangeChange, rules, today } = picker;
  const lastStart = addDays(today, LOAN_LIMITS.maxDaysAhead);

  if (state?.ok) {
    return (
      <Alert tone="success" title="Request sent">
        <p>
          You asked to borrow {itemTitle} for {formatRange(state.data.startDate, state.data.endDate)}. The
          owner will approve or decline it.
        </p>
        <p className="mt-2">
          <Link href={`/loans/${state.data.id}`} className="font-semibold underline">
            See your request
          </Link>
        </p>
      </Alert>
    );
  }

  return (
    <form {...formProps} noValidate className="flex flex-col gap-4" aria-label="Borrow request">
      <input type="hidden" name="nonce" value={nonce} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        <TextField
          name="startDate"
          type="date"
          label="From"
          min={earliestStart(today, rules)}
          max={lastStart}
          value={range.start}
          required
          error={errors.startDate}
          onChange={(event) => {
            setClientErrors({});
            onRangeChange({ ...range, start: event.target.value });
          }}
        />
        <TextField
          name="endDate"
          type="date"
          label="Until"
          min={range.start || earliestStart(today, rules)}
          value={range.end}
          required
          error={errors.endDate}
          onChange={(event) => {
            setClientErrors({});
            onRangeChange({ ...range, end: event.target.value });
          }}
        />
      </div>
      {dateProblem && (
        <p id="borrow-error" role="alert" className="text-sm font-medium text-red-700">
          {dateProblem}
        </p>
      )}
      <TextAreaField
        name="message"
        label="Message to the owner (optional)"
        rows={3}
        maxLength={FIELD_LIMITS.loanMessage}
        placeholder="Hi! Could I borrow this for the weekend?"
        error={errors.message}
      />
      <Button type="submit" size="lg" pending={pending}>
        Request to borrow
      </Button>
    </form>
  );
}
