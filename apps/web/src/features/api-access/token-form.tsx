"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { CreatedAccessToken, Scope } from "@sharehood/sdk/contract";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { SelectField } from "@sharehood/ui/select-field";
import { TextField } from "@sharehood/ui/text-field";
import { CheckboxGroup } from "@/features/api-access/checkbox-group";
import { SCOPE_TEXT } from "@/features/api-access/scope-text";
import { SecretOnce } from "@/features/api-access/secret-once";
import { createAccessTokenAction, type CreateTokenState } from "@/features/api-access/token-actions";
import { DEFAULT_EXPIRY, EXPIRY_CHOICES } from "@/features/api-access/token-text";
import { useFormAction } from "@/features/layout/use-form-action";

/**
 * The new-token form: a name, what it may do (the scopes the person's role allows, each in plain
 * words) and when it expires. Once made, its secret shows above the form this once; the list
 * below is read again.
 */
export function TokenForm({ scopes }: { scopes: readonly Scope[] }) {
  const router = useRouter();
  // The latest token made, until its secret is put away: a later refusal does not hide it.
  const [created, setCreated] = useState<CreatedAccessToken | null>(null);
  const [made, setMade] = useState(0);
  const { state, pending, formProps } = useFormAction(async (previous: CreateTokenState, form: FormData) => {
    const result = await createAccessTokenAction(previous, form);
    if (result?.ok) {
      setCreated(result.data);
      setMade((count) => count + 1);
      router.refresh();
    }
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : {};

  return (
    <div className="flex flex-col gap-5">
      {created && (
        <SecretOnce
          id="new-token-secret"
          title={`Your new token “${created.name}”`}
          label="Token"
          secret={created.token}
          onDone={() => setCreated(null)}
        >
          <p className="text-sm">
            Send it as <code className="font-mono">Authorization: Bearer …</code> to any Sharehood API.
          </p>
        </SecretOnce>
      )}
      {/* A new, empty form after each token made. */}
      <form {...formProps} key={made} className="flex flex-col gap-5" noValidate>
        {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
        <TextField
          name="name"
          label="Name"
          hint="What the program is, so you know the token again: “Tool library sync”."
          required
          maxLength={100}
          autoComplete="off"
          error={errors.name}
        />
        <CheckboxGroup
          id="token-scopes"
          name="scope"
          legend="What it may do"
          error={errors.scopes}
          choices={scopes.map((scope) => ({
            value: scope,
            label: (
              <>
                {SCOPE_TEXT[scope].label}{" "}
                <code className="font-mono text-xs font-normal text-stone-600">{scope}</code>
              </>
            ),
            hint: SCOPE_TEXT[scope].hint,
          }))}
        />
        <SelectField
          name="expiry"
          label="Expires after"
          options={EXPIRY_CHOICES}
          defaultValue={DEFAULT_EXPIRY}
          hint="A token that expires cannot be forgotten somewhere for good."
          error={errors.expiry ?? errors.expiresAt}
        />
        <div>
          <Button type="submit" pending={pending}>
            Create token
          </Button>
        </div>
      </form>
    </div>
  );
}
