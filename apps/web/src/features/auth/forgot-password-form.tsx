"use client";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { requestPasswordResetAction } from "@/features/auth/account-email-actions";
import { useFormAction } from "@/features/layout/use-form-action";

/** The address to send a reset link to; the answer never says whether it has an account. */
export function ForgotPasswordForm() {
  const { state, pending, formProps } = useFormAction(requestPasswordResetAction, null);
  if (state?.ok) {
    return (
      <div className="flex flex-col gap-4">
        <Alert tone="success" title="Check your inbox">
          If an account exists for that address, we&apos;ve sent it a link to choose a new password. The link
          works for 30 minutes, once.
        </Alert>
        <p className="text-sm text-stone-700">
          Nothing after a few minutes? Look in your spam folder, or{" "}
          <Link href="/forgot-password" className="font-semibold text-brand-800 underline">
            try another address
          </Link>
          .
        </p>
      </div>
    );
  }
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <TextField name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <Button type="submit" size="lg" pending={pending} className="mt-2">
        Send me a link
      </Button>
    </form>
  );
}
