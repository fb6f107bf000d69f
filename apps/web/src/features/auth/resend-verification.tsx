"use client";
import { useActionState } from "react";
import { Button } from "@sharehood/ui/button";
import { requestEmailVerificationAction } from "@/features/auth/account-email-actions";
import type { ActionResult } from "@/server/action-result";

/** "Send the link again", and what came of it. */
export function ResendVerification({ email }: { email: string }) {
  const [state, send, pending] = useActionState<ActionResult | null>(requestEmailVerificationAction, null);
  return (
    <form action={send} className="flex flex-col items-start gap-2">
      <Button type="submit" variant="secondary" size="sm" pending={pending} disabled={state?.ok}>
        {state?.ok ? "Link sent" : "Send the link again"}
      </Button>
      <p role="status" className="text-sm">
        {state?.ok ? `We've sent a new link to ${email}.` : ""}
      </p>
      {state && !state.ok && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {state.message}
        </p>
      )}
    </form>
  );
}
