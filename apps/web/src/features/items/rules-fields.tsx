"use client";
import { useState } from "react";
import type { DateRange } from "@sharehood/sdk/contract";
import { BORROWING_RULE_LIMITS } from "@sharehood/sdk/limits";
import { Button } from "@sharehood/ui/button";
import { SwitchField } from "@sharehood/ui/switch-field";
import { TextField } from "@sharehood/ui/text-field";
import type { BorrowRules } from "@/features/items/borrow-rules";

/**
 * The owner's rules on the item form: pause, shortest and longest loan, notice, and days kept for
 * themselves (blocked ranges, added and removed here, each a pair of `blockedStart`/`blockedEnd`
 * fields). Errors show beside their field, from the browser or the API (`blockedRanges.0.end`).
 */
export function RulesFields({
  initial,
  errors,
  onEdit,
}: {
  initial: (BorrowRules & { blockedRanges: readonly DateRange[] }) | null;
  errors: Record<string, string>;
  onEdit: (field: string) => void;
}) {
  // Keys only for React: the fields are read from the form by name and position.
  const [ranges, setRanges] = useState(() =>
    (initial?.blockedRanges ?? []).map((range, index) => ({ key: index, ...range })),
  );
  const [nextKey, setNextKey] = useState(ranges.length);
  const rangeError = errors.blockedRanges;

  return (
    <fieldset className="flex flex-col gap-4 rounded-2xl p-4 ring-1 ring-stone-200">
      <legend className="px-1 text-sm font-semibold text-stone-800">Borrowing rules</legend>
      <SwitchField
        id="rule-paused"
        name="paused"
        value="on"
        defaultChecked={initial?.paused ?? false}
        label="Pause this item"
        hint="Away, or using it yourself? Nobody can ask to borrow it until you switch this off."
      />
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          name="minDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={BORROWING_RULE_LIMITS.maxLoanDays}
          label="Shortest loan (days)"
          hint="Blank: any"
          defaultValue={initial?.minDays ?? ""}
          error={errors.minDays}
          onChange={() => onEdit("minDays")}
        />
        <TextField
          name="maxDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={BORROWING_RULE_LIMITS.maxLoanDays}
          label="Longest loan (days)"
          hint="Blank: any"
          defaultValue={initial?.maxDays ?? ""}
          error={errors.maxDays}
          onChange={() => onEdit("maxDays")}
        />
        <TextField
          name="noticeDays"
          type="number"
          inputMode="numeric"
          min={0}
          max={BORROWING_RULE_LIMITS.maxNoticeDays}
          label="Notice (days)"
          hint="0: today is fine"
          defaultValue={initial?.noticeDays ?? 0}
          error={errors.noticeDays}
          onChange={() => onEdit("noticeDays")}
        />
      </div>
      <div className="flex flex-col gap-3">
        <h3 className="text-sm font-semibold text-stone-800">Days you keep for yourself</h3>
        {ranges.length === 0 && <p className="text-sm text-stone-600">None: every day can be asked for.</p>}
        <ul className="flex flex-col gap-3">
          {ranges.map((range, index) => (
            <li key={range.key} className="flex flex-wrap items-end gap-3 rounded-xl bg-stone-50 p-3">
              <TextField
                id={`blocked-${range.key}-start`}
                name="blockedStart"
                type="date"
                label={`Blocked from (range ${index + 1})`}
                defaultValue={range.start}
                error={errors[`blockedRanges.${index}.start`]}
                onChange={() => onEdit(`blockedRanges.${index}.start`)}
                className="min-w-0 flex-1"
              />
              <TextField
                id={`blocked-${range.key}-end`}
                name="blockedEnd"
                type="date"
                label={`until (range ${index + 1})`}
                defaultValue={range.end}
                error={errors[`blockedRanges.${index}.end`] ?? errors[`blockedRanges.${index}`]}
                onChange={() => onEdit(`blockedRanges.${index}.end`)}
                className="min-w-0 flex-1"
              />
              <Button
                type="button"
                variant="ghost"
                size="sm"
                onClick={() => setRanges((current) => current.filter((other) => other.key !== range.key))}
              >
                Remove<span className="sr-only"> range {index + 1}</span>
              </Button>
            </li>
          ))}
        </ul>
        {rangeError && (
          <p role="alert" className="text-sm font-medium text-red-700">
            {rangeError}
          </p>
        )}
        {ranges.length < BORROWING_RULE_LIMITS.maxBlockedRanges && (
          <div>
            <Button
              type="button"
              variant="secondary"
              size="sm"
              onClick={() => {
                setRanges((current) => [...current, { key: nextKey, start: "", end: "" }]);
                setNextKey((key) => key + 1);
              }}
            >
              Add days to block
            </Button>
          </div>
        )}
      </div>
    </fieldset>
  );
}
