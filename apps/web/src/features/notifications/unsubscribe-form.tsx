"use client";
import Link from "next/link";
import { Alert } from "@sharehood/ui/alert";
import { Button } from "@sharehood/ui/button";
import { EMAIL_KIND_TEXT } from "@/features/notifications/email-kinds";
import { unsubscribeAction } from "@/features/notifications/unsubscribe-actions";
import { useFormAction } from "@/features/layout/use-form-action";

/**
 * One button that stops the kind of email the link came with. Opening the page changes nothing:
 * mail scanners open links too.
 */
export function UnsubscribeForm({ token }: { token: string }) {
  const { state, pending, formProps } = useFormAction(unsubscribeAction, null);
  if (state?.ok) {
    return (
      <Alert tone="success" title="You're unsubscribed">
        We won&apos;t email you when {EMAIL_KIND_TEXT[state.data.kind].label.toLowerCase()} any more. You can
        switch it back on in your{" "}
        <Link href="/profile/notifications" className="font-semibold underline">
          email settings
        </Link>
        .
      </Alert>
    );
  }
  return (
    <form {...formProps} className="flex flex-col gap-4">
      {state && !state.ok && <Alert tone="error">{state.message}</Alert>}
      <input type="hidden" name="token" value={token} />
      <Button type="submit" size="lg" pending={pending}>
        Stop these emails
      </Button>
    </form>
  );
}
