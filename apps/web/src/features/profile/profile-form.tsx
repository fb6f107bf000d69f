"use client";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { updateNameAction } from "@/features/profile/actions";

/** My name, as neighbours see it. */
export function ProfileForm({ name, email }: { name: string; email: string }) {
  const { state, pending, formProps } = useFormAction(updateNameAction, null);
  const router = useRouter();
  // The header and this page read the session cookie the action just rewrote: render them again.
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state?.ok && <Alert tone="success">Your name is now {state.data.name}.</Alert>}
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <TextField
        name="name"
        label="Name"
        defaultValue={name}
        required
        maxLength={100}
        autoComplete="name"
        error={errors.name}
      />
      <TextField
        name="email"
        label="Email"
        defaultValue={email}
        readOnly
        disabled
        hint="Your email is only used to sign in."
      />
      <div>
        <Button type="submit" pending={pending}>
          Save name
        </Button>
      </div>
    </form>
  );
}
