"use client";
import type { Report } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { createReportAction, type ReportSubject } from "@/features/reports/actions";
import { REASON_TEXT } from "@/features/reports/report-text";
import type { ActionResult } from "@/server/action-result";

const REASONS = Object.keys(REASON_TEXT) as Report["reason"][];

/**
 * What is wrong (one reason, required) and, if they like, what happened; then "Report sent —
 * thanks". The reasons are radio buttons: five short choices read better side by side than in a
 * drop-down, and each says what it covers.
 */
export function ReportForm({
  subject,
  titleId,
  title,
  onClose,
}: {
  subject: ReportSubject;
  titleId: string;
  title: string;
  onClose: () => void;
}) {
  const send = (state: ActionResult<Report> | null, form: FormData) =>
    createReportAction(subject, state, form);
  const { state, pending, formProps } = useFormAction(send, null);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <h2 id={titleId} className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        <Alert tone="success" title="Report sent — thanks">
          An admin will look at it. You will get a notification once it is handled.
        </Alert>
        <div>
          {/* The form went away: the focus moves to the button that closes the dialog. */}
          <Button autoFocus variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  const refusal = state && !state.ok ? state : null;
  const errors = refusal?.fieldErrors ?? {};
  return (
    <form {...formProps} noValidate className="flex flex-col gap-4">
      <div>
        <h2 id={titleId} className="text-lg font-semibold text-stone-900">
          {title}
        </h2>
        <p className="mt-1 text-sm text-stone-700">
          Sharehood&apos;s admins read every report. Only they see who sent it.
        </p>
      </div>
      {refusal && <Alert tone="error">{refusal.message}</Alert>}
      <fieldset
        className="flex flex-col gap-2"
        aria-invalid={errors.reason ? true : undefined}
        aria-describedby={errors.reason ? "report-reason-error" : undefined}
      >
        <legend className="mb-1 text-sm font-semibold text-stone-800">What is wrong?</legend>
        {REASONS.map((reason) => (
          <label
            key={reason}
            className="flex cursor-pointer items-start gap-3 rounded-xl px-3 py-2 ring-1 ring-stone-200 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600"
          >
            <input
              type="radio"
              name="reason"
              value={reason}
              required
              className="mt-1 size-4 accent-brand-700"
            />
            <span className="flex flex-col">
              <span className="font-semibold text-stone-900">{REASON_TEXT[reason].label}</span>
              <span className="text-sm text-stone-600">{REASON_TEXT[reason].hint}</span>
            </span>
          </label>
        ))}
        {errors.reason && (
          <p id="report-reason-error" className="text-sm font-medium text-red-700">
            {errors.reason}
          </p>
        )}
      </fieldset>
      <TextAreaField
        name="details"
        id={`${titleId}-details`}
        label="What happened? (optional)"
        hint={`Anything that helps an admin understand, up to ${FIELD_LIMITS.reportDetails.toLocaleString("en")} characters.`}
        maxLength={FIELD_LIMITS.reportDetails}
        rows={4}
        error={errors.details}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Send report
        </Button>
        <Button type="button" variant="ghost" onClick={onClose} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
