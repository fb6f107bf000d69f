"use client";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { useFormAction } from "@/features/layout/use-form-action";
import { deleteAccountAction } from "@/features/profile/actions";

/** Deleting my account, behind an explicit confirmation. */
export function DeleteAccountForm() {
  const { state, pending, formProps } = useFormAction(deleteAccountAction, null);
  const confirmError = state && !state.ok ? state.fieldErrors.confirm : undefined;
  return (
    <form {...formProps} className="flex flex-col gap-4">
      {state && !state.ok && !confirmError && <Alert tone="error">{state.message}</Alert>}
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
      <div>
        <Button type="submit" variant="danger" pending={pending}>
          Delete my account
        </Button>
      </div>
    </form>
  );
}
