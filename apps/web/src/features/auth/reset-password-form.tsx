"use client";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { resetPasswordAction } from "@/features/auth/account-email-actions";
import { useFormAction } from "@/features/layout/use-form-action";

/** A new password, typed twice, set with the token from the emailed link. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { state, pending, formProps } = useFormAction(resetPasswordAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  const linkSpent = state && !state.ok && state.code === "invalid_token";
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && (
        <Alert tone="error">
          {state.message}
          {linkSpent && (
            <>
              {" "}
              <Link href="/forgot-password" className="font-semibold underline">
                Send me a new link
              </Link>
            </>
          )}
        </Alert>
      )}
      <input type="hidden" name="token" value={token} />
      <TextField
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        required
        minLength={FIELD_LIMITS.passwordMin}
        error={errors.password}
        hint={`At least ${FIELD_LIMITS.passwordMin} characters.`}
      />
      <TextField
        name="confirmPassword"
        type="password"
        label="New password again"
        autoComplete="new-password"
        required
        error={errors.confirmPassword}
      />
      <Button type="submit" size="lg" pending={pending} className="mt-2">
        Set new password
      </Button>
    </form>
  );
}
