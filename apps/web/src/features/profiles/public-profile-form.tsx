"use client";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { TextField } from "@sharehood/ui/text-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { updatePublicProfileAction, type PublicProfileFields } from "@/features/profiles/actions";

/** My bio and neighbourhood, as neighbours see them on my profile. Empty fields are cleared. */
export function PublicProfileForm({ initial }: { initial: PublicProfileFields }) {
  const { state, pending, formProps } = useFormAction(updatePublicProfileAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form {...formProps} className="flex flex-col gap-4" noValidate>
      {state?.ok && <Alert tone="success">Saved. Your profile shows it now.</Alert>}
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <TextAreaField
        name="bio"
        label="About you"
        rows={4}
        defaultValue={initial.bio ?? ""}
        maxLength={FIELD_LIMITS.bio}
        error={errors.bio}
        hint={`A few words for neighbours: what you like to lend, when you are around. Up to ${FIELD_LIMITS.bio} characters.`}
      />
      <TextField
        name="neighbourhood"
        label="Neighbourhood"
        defaultValue={initial.neighbourhood ?? ""}
        maxLength={FIELD_LIMITS.neighbourhood}
        error={errors.neighbourhood}
        hint="Such as “Old Town” or “near the station”. Never your address."
      />
      <div>
        <Button type="submit" pending={pending}>
          Save profile
        </Button>
      </div>
    </form>
  );
}
