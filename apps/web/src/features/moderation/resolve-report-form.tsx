"use client";
import { useState } from "react";
import type { Report } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { formText } from "@/features/layout/form-text";
import { useFormAction } from "@/features/layout/use-form-action";
import { resolveReportAction } from "@/features/moderation/actions";
import type { ActionResult } from "@/server/action-result";

type Action = NonNullable<Report["resolution"]>["action"];

/** One choice of the form: what it does, in words, and what the confirm button says. */
export interface ResolveChoice {
  action: Action;
  label: string;
  hint: string;
  /** The question asked before it is done. */
  confirm: string;
  confirmLabel: string;
}

/**
 * What to do with a report: a choice, a note (required: it goes to the audit log, and to an item's
 * owner when the item is hidden), then a second, explicit step that says what will happen.
 * Changing anything after "Continue" goes back to the first step.
 */
export function ResolveReportForm({ reportId, choices }: { reportId: string; choices: ResolveChoice[] }) {
  const [confirming, setConfirming] = useState<ResolveChoice | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const send = (state: ActionResult | null, form: FormData) => resolveReportAction(reportId, state, form);
  const { state, pending, formProps } = useFormAction(send, null, (form) => {
    if (confirming) return true;
    const data = new FormData(form);
    const choice = choices.find((c) => c.action === formText(data, "action"));
    const found: Record<string, string> = {};
    if (!choice) found.action = "Choose what to do.";
    if (!formText(data, "note").trim()) found.note = "Write a note: say why.";
    setProblems(found);
    if (choice && !found.note) setConfirming(choice);
    return false;
  });
  const refusal = state && !state.ok ? state : null;
  const errors = { ...refusal?.fieldErrors, ...problems };

  return (
    <form {...formProps} noValidate onChange={() => setConfirming(null)} className="flex flex-col gap-4">
      {refusal && <Alert tone="error">{refusal.message}</Alert>}
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.action ? "resolve-action-error" : undefined}
      >
        <legend className="mb-1 text-sm font-semibold text-stone-800">What do you do?</legend>
        {choices.map((choice) => (
          <label
            key={choice.action}
            className="flex cursor-pointer items-start gap-3 rounded-xl px-3 py-2 ring-1 ring-stone-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
          >
            <input
              type="radio"
              name="action"
              value={choice.action}
              className="mt-1 size-4 accent-brand-700"
            />
            <span className="flex flex-col">
              <span className="font-semibold text-stone-900">{choice.label}</span>
              <span className="text-sm text-stone-600">{choice.hint}</span>
            </span>
          </label>
        ))}
        {errors.action && (
          <p id="resolve-action-error" className="text-sm font-medium text-red-700">
            {errors.action}
          </p>
        )}
      </fieldset>
      <TextAreaField
        name="note"
        label="Note"
        hint="Why: kept in the audit log. When you hide an item, its owner reads it too."
        maxLength={FIELD_LIMITS.moderationNote}
        rows={3}
        required
        error={errors.note}
      />
      {confirming ? (
        <div
          role="group"
          aria-label="Confirm"
          className="flex flex-col gap-3 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-200"
        >
          <p className="text-sm font-medium text-amber-950">{confirming.confirm}</p>
          <div className="flex flex-wrap gap-2">
            {/* "Continue" went away: the focus moves to the button that does it. */}
            <Button
              type="submit"
              autoFocus
              variant={confirming.action === "dismiss" ? "primary" : "danger"}
              pending={pending}
            >
              {confirming.confirmLabel}
            </Button>
            <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(null)}>
              Back
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button type="submit">Continue</Button>
        </div>
      )}
    </form>
  );
}
