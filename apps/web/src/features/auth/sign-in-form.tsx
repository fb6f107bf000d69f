"use client";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { signInAction } from "@/features/auth/actions";
import { useFormAction } from "@/features/layout/use-form-action";

/** Email and password; the User API's answer is shown above the fields. */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const { state, pending, formProps } = useFormAction(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <TextField name="email" type="email" label="Email" autoComplete="email" required error={errors.email} />
      <TextField
        name="password"
        type="password"
        label="Password"
        autoComplete="current-password"
        required
        error={errors.password}
      />
      <Link
        href="/forgot-password"
        className="-mt-2 self-start text-sm font-semibold text-brand-800 underline"
      >
        Forgot your password?
      </Link>
      <Button type="submit" size="lg" pending={pending} className="mt-2">
        Sign in
      </Button>
    </form>
  );
}
