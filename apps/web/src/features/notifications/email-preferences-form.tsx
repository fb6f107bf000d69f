"use client";
import { EMAIL_DEFAULTS, type EmailKind, type NotificationPreferences } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { SwitchField } from "@sharehood/ui/switch-field";
import { useFormAction } from "@/features/layout/use-form-action";
import { updateEmailPreferencesAction } from "@/features/notifications/actions";
import { EMAIL_KIND_TEXT } from "@/features/notifications/email-kinds";

/** One switch per kind of email; saved together. */
export function EmailPreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { state, pending, formProps } = useFormAction(updateEmailPreferencesAction, null);
  // After a save, the switches show what the Notification API kept.
  const current = state?.ok ? state.data : preferences;
  return (
    <form {...formProps} className="flex flex-col gap-5">
      {state?.ok && <Alert tone="success">Saved. We will email you only about what is switched on.</Alert>}
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <fieldset className="flex flex-col">
        <legend className="mb-2 text-base font-semibold text-stone-900">Email me when…</legend>
        <div className="divide-y divide-stone-100">
          {(Object.keys(EMAIL_KIND_TEXT) as EmailKind[]).map((kind) => {
            const on = current.kinds[kind]?.email ?? EMAIL_DEFAULTS[kind];
            return (
              <SwitchField
                // Remounted after a save, so that the switch follows the saved value.
                key={`${kind}-${String(on)}`}
                id={`email-${kind.replace(".", "-")}`}
                name="kind"
                value={kind}
                label={EMAIL_KIND_TEXT[kind].label}
                hint={EMAIL_KIND_TEXT[kind].hint}
                defaultChecked={on}
                className="py-3"
              />
            );
          })}
        </div>
      </fieldset>
      <div>
        <Button type="submit" pending={pending}>
          Save email settings
        </Button>
      </div>
    </form>
  );
}
