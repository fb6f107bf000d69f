"use client";
import { useState } from "react";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { askAboutItemAction } from "@/features/conversations/actions";
import { counterText, messageProblem } from "@/features/conversations/message-length";
import { formText } from "@/features/layout/form-text";
import { useFormAction } from "@/features/layout/use-form-action";

/**
 * "Ask a question" on an item page: a question to the owner before asking to borrow. It opens my
 * thread about the item (or continues it, if I asked before), and the thread's page opens.
 */
export function AskForm({ itemId, ownerName }: { itemId: string; ownerName: string }) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  // One nonce per form: a resent identical question reuses its Idempotency-Key.
  const [nonce] = useState(() => crypto.randomUUID());
  const { state, pending, formProps } = useFormAction(askAboutItemAction.bind(null, itemId), null, (form) => {
    const problem = messageProblem(formText(new FormData(form), "body"));
    setClientError(problem);
    return problem === null;
  });

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Ask a question
      </Button>
    );
  }
  const refusal = state && !state.ok ? state : null;
  return (
    <form {...formProps} noValidate aria-label={`Question to ${ownerName}`} className="flex flex-col gap-3">
      <input type="hidden" name="nonce" value={nonce} />
      <TextAreaField
        id="ask-body"
        name="body"
        label={`Your question to ${ownerName}`}
        rows={3}
        autoFocus
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setClientError(null);
        }}
        placeholder="Hi! Does it come with a case?"
        error={clientError ?? refusal?.fieldErrors.body}
        hint={counterText(text)}
      />
      {refusal && !refusal.fieldErrors.body && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {refusal.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" pending={pending}>
          Send question
        </Button>
        <Button variant="ghost" disabled={pending} onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
