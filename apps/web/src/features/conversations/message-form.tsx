"use client";
import { useRef, useState, type KeyboardEvent } from "react";
import type { Message } from "@sharehood/sdk/contract";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { cx } from "@sharehood/ui/cx";
import { sendMessageAction } from "@/features/conversations/actions";
import { counterText, MESSAGE_MAX, messageProblem } from "@/features/conversations/message-length";
import { formText } from "@/features/layout/form-text";
import { useFormAction } from "@/features/layout/use-form-action";
import type { ActionResult } from "@/server/action-result";

/**
 * The send form under a thread: plain text up to 2,000 characters with a counter, Ctrl+Enter (or
 * Cmd+Enter) sends. Refusals are said above the button in the API's terms made plain (blocked,
 * former member, too many, too long); `onRefused` lets the thread react to the lasting ones.
 */
export function MessageForm({
  conversationId,
  otherName,
  onSent,
  onRefused,
}: {
  conversationId: string;
  otherName: string;
  onSent: (message: Message) => void;
  onRefused: (code: string | undefined) => void;
}) {
  const [text, setText] = useState("");
  const [clientError, setClientError] = useState<string | null>(null);
  // One nonce per message: a resent identical message reuses its Idempotency-Key; the next gets a new one.
  const [nonce, setNonce] = useState(() => crypto.randomUUID());
  // The answer is acted on as it comes (cleared and shown, or the refusal passed on), inside
  // the action's transition.
  async function send(state: ActionResult<Message> | null, form: FormData) {
    const result = await sendMessageAction(conversationId, state, form);
    if (result?.ok) {
      setText("");
      setNonce(crypto.randomUUID());
      onSent(result.data);
    } else onRefused(result?.code);
    return result;
  }
  const { state, pending, formProps } = useFormAction(send, null, (form) => {
    const problem = messageProblem(formText(new FormData(form), "body"));
    setClientError(problem);
    return problem === null;
  });
  const formRef = useRef<HTMLFormElement>(null);

  function sendOnCtrlEnter(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      formRef.current?.requestSubmit();
    }
  }

  const refusal = state && !state.ok ? state : null;
  const fieldError = clientError ?? refusal?.fieldErrors.body;
  const over = text.trim().length > MESSAGE_MAX;
  return (
    <form ref={formRef} {...formProps} noValidate aria-label="Send a message" className="flex flex-col gap-3">
      <input type="hidden" name="nonce" value={nonce} />
      <TextAreaField
        name="body"
        label={`Message to ${otherName}`}
        rows={3}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setClientError(null);
        }}
        onKeyDown={sendOnCtrlEnter}
        error={fieldError}
        hint={
          <span className={cx(over && "font-semibold text-red-700")}>
            {counterText(text)}. Press Ctrl+Enter to send.
          </span>
        }
      />
      {refusal && !refusal.fieldErrors.body && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {refusal.message}
        </p>
      )}
      <div className="flex justify-end">
        <Button type="submit" pending={pending}>
          Send
        </Button>
      </div>
    </form>
  );
}
