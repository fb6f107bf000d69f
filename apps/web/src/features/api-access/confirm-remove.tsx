"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@sharehood/ui/button";
import type { ActionResult } from "@/server/action-result";

/**
 * A button that removes something after a second, explicit press: the first shows what will
 * happen and moves the focus to "Yes"; "Keep it" gives the focus back to the first button. The
 * API's refusal is said under it; on success `onDone` runs (the row then goes away).
 */
export function ConfirmRemove({
  label,
  name,
  warning,
  confirmLabel,
  action,
  onDone,
}: {
  /** The first button's text, such as "Revoke". */
  label: string;
  /** What is removed, for the buttons' accessible names ("Revoke CI sync"). */
  name: string;
  warning: string;
  confirmLabel: string;
  action: () => Promise<ActionResult>;
  onDone: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // The pressed button goes away: the focus moves to the first button shown in its place ("Yes"
  // on opening, the first button again on "Keep it").
  const rootRef = useRef<HTMLDivElement>(null);
  const moveFocus = useRef(false);
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    rootRef.current?.querySelector("button")?.focus();
  }, [confirming]);

  function show(open: boolean) {
    moveFocus.current = true;
    setConfirming(open);
  }

  function remove() {
    setProblem(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) return setProblem(result.message);
      onDone();
    });
  }

  return (
    <div ref={rootRef} className="flex flex-col items-start gap-2">
      {confirming ? (
        <div
          role="group"
          aria-label={`Confirm: ${label.toLowerCase()} ${name}`}
          className="flex flex-col gap-2 rounded-2xl bg-red-50 p-3 ring-1 ring-red-200"
        >
          <p className="text-sm text-red-900">{warning}</p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              size="sm"
              pending={pending}
              onClick={remove}
              aria-label={`${confirmLabel}: ${name}`}
            >
              {confirmLabel}
            </Button>
            <Button variant="ghost" size="sm" onClick={() => show(false)}>
              Keep it
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => show(true)} aria-label={`${label} ${name}`}>
          {label}
        </Button>
      )}
      {problem && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {problem}
        </p>
      )}
    </div>
  );
}
