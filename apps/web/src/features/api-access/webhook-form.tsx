"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CreatedWebhook } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { TextField } from "@sharehood/ui/text-field";
import { CheckboxGroup } from "@/features/api-access/checkbox-group";
import { SecretOnce } from "@/features/api-access/secret-once";
import { createWebhookAction, type CreateWebhookState } from "@/features/api-access/webhook-actions";
import { WEBHOOK_EVENT_TYPES, eventTypeText } from "@/features/api-access/webhook-text";
import { useFormAction } from "@/features/layout/use-form-action";

const EVENT_CHOICES = WEBHOOK_EVENT_TYPES.map((type) => ({
  value: type,
  label: (
    <>
      {eventTypeText(type)} <code className="font-mono text-xs font-normal text-stone-600">{type}</code>
    </>
  ),
}));

/**
 * The new-webhook form: the endpoint's address and which events it receives (all of them, those
 * added later too, or the ones checked). Once added, its signing secret shows above the form
 * this once, and the list is read again.
 */
export function WebhookForm() {
  const router = useRouter();
  // The latest webhook added, until its secret is put away: a later refusal does not hide it.
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [made, setMade] = useState(0);
  const { state, pending, formProps } = useFormAction(
    async (previous: CreateWebhookState, form: FormData) => {
      const result = await createWebhookAction(previous, form);
      if (result?.ok) {
        setCreated(result.data);
        setMade((count) => count + 1);
        router.refresh();
      }
      return result;
    },
    null,
  );
  const errors = state && !state.ok ? state.fieldErrors : {};

  return (
    <div className="flex flex-col gap-5">
      {created && (
        <SecretOnce
          id="new-webhook-secret"
          title={`Signing secret for ${created.url}`}
          label="Signing secret"
          secret={created.secret}
          onDone={() => setCreated(null)}
        >
          <p className="text-sm">
            Each request carries <code className="font-mono">webhook-id</code>,{" "}
            <code className="font-mono">webhook-timestamp</code> and{" "}
            <code className="font-mono">webhook-signature</code> (Standard Webhooks): check the signature with
            this secret, for example with the SDK&apos;s <code className="font-mono">verifyWebhook()</code>.
          </p>
        </SecretOnce>
      )}
      {/* A new form after each webhook added: empty, and back to all events. */}
      <form {...formProps} key={made} className="flex flex-col gap-5" noValidate>
        {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <TextField
          name="url"
          type="url"
          inputMode="url"
          label="Endpoint URL"
          placeholder="https://example.org/sharehood-events"
          hint="Sharehood sends each event there as a signed POST request."
          required
          autoComplete="off"
          spellCheck={false}
          error={errors.url}
        />
        <EventChoice error={errors.events} />
        <div>
          <Button type="submit" pending={pending}>
            Add webhook
          </Button>
        </div>
      </form>
    </div>
  );
}

/** All events, or the ones checked (the list shows only for the second). */
function EventChoice({ error }: { error: string | undefined }) {
  const [which, setWhich] = useState<"all" | "some">("all");
  return (
    <>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-semibold text-stone-800">Events to send</legend>
        {(
          [
            ["all", "All events", "Everything about your items, loans, messages and account, new kinds too."],
            ["some", "Only the ones I choose", undefined],
          ] as const
        ).map(([value, label, hint]) => (
          <label
            key={value}
            htmlFor={`webhook-which-${value}`}
            className="flex cursor-pointer items-start gap-3"
          >
            <input
              id={`webhook-which-${value}`}
              type="radio"
              name="which"
              value={value}
              checked={which === value}
              onChange={() => setWhich(value)}
              className="mt-0.5 size-5 shrink-0 accent-brand-700"
            />
            <span className="flex flex-col">
              <span className="font-medium text-stone-900">{label}</span>
              {hint && <span className="text-sm text-stone-600">{hint}</span>}
            </span>
          </label>
        ))}
      </fieldset>
      {which === "some" && (
        <CheckboxGroup
          id="webhook-events"
          name="event"
          legend="Send these events"
          choices={EVENT_CHOICES}
          error={error}
        />
      )}
    </>
  );
}
