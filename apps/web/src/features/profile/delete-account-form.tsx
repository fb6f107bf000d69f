"use client";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { deleteAccountAction } from "@/features/profile/actions";

/** Deleting my account, behind an explicit confirmation and my password. */
export function DeleteAccountForm() {
  const { state, pending, formProps } = useFormAction(deleteAccountAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const confirmError = errors.confirm;
  // Problems with a field are told beside it; the alert is for the rest (too many attempts...).
  const generalError = state && !state.ok && Object.keys(errors).length === 0 ? state.message : undefined;
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {generalError && <Alert tone="error">{generalError}</Alert>}
      <div className="flex flex-col gap-1">
        <label className="flex items-start gap-3 text-sm text-stone-800">
          <input
            type="checkbox"
            name="confirm"
            className="mt-0.5 size-5 rounded accent-red-700"
            aria-invalid={confirmError ? true : undefined}
            aria-describedby={confirmError ? "confirm-error" : undefined}
          />
          I understand that my account and my sessions end now and cannot be restored.
        </label>
        {confirmError && (
          <p id="confirm-error" className="text-sm font-medium text-red-700">
            {confirmError}
          </p>
        )}
      </div>
      <TextField
        id="delete-current-password"
        name="currentPassword"
        type="password"
        label="Your password"
        autoComplete="current-password"
        required
        error={errors.currentPassword}
        hint="To confirm that it is you."
        className="max-w-sm"
      />
      <div>
        <Button type="submit" variant="danger" pending={pending}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
