"use client";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { registerAction } from "@/features/auth/actions";
import { useFormAction } from "@/features/layout/use-form-action";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/** Name, email and password for a new account. */
export function RegisterForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, pending, formProps } = useFormAction(registerAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField
        name="name"
        label="Your name"
        autoComplete="name"
        required
        maxLength={FIELD_LIMITS.userName}
        error={errors.name}
        hint="Neighbours see this on your listings."
      />
      <TextField name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={FIELD_LIMITS.passwordMin}
        error={errors.password}
        hint={`At least ${FIELD_LIMITS.passwordMin} characters.`}
      />
      <Button type="submit" size="lg" pending={pending} className="mt-2">
        Create account
      </Button>
    </form>
  );
}
