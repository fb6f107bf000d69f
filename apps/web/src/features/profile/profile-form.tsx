"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { updateProfileAction } from "@/features/profile/actions";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";

/** My name, as neighbours see it, and the email I sign in with (changing it needs my password). */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const { state, pending, formProps } = useFormAction(updateProfileAction, null);
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  // The header and this page read the session cookie the action just rewrote: render them again.
  // The password is spent: it is not left in the field for the next change.
  useEffect(() => {
    if (!state?.ok) return;
    const password = formRef.current?.elements.namedItem("currentPassword");
    if (password instanceof HTMLInputElement) password.value = "";
    router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} ref={formRef} className="flex flex-col gap-4" noValidate>
      {state?.ok && (
        <Alert tone="success">
          {state.data.emailChanged
            ? `Saved. You now sign in with ${state.data.email}.`
            : `Your name is now ${state.data.name}.`}
        </Alert>
      )}
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <TextField
        name="name"
        label="Name"
        defaultValue={name}
        required
        maxLength={FIELD_LIMITS.userName}
        autoComplete="name"
        error={errors.name}
      />
      <TextField
        name="email"
        type="email"
        label="Email"
        defaultValue={email}
        required
        autoComplete="email"
        error={errors.email}
        hint="Your email is only used to sign in."
      />
      <TextField
        id="profile-current-password"
        name="currentPassword"
        type="password"
        label="Current password"
        autoComplete="current-password"
        error={errors.currentPassword}
        hint="Needed only to change your email."
      />
      <div>
        <Button type="submit" pending={pending}>
          Save changes
        </Button>
      </div>
    </form>
  );
}
