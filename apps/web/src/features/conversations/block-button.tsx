"use client";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@sharehood/ui/button";
import { setBlockedAction } from "@/features/conversations/actions";

/**
 * Block a person (after saying what it does and a second, explicit press), or unblock them. A
 * blocked person can no longer write to you or ask to borrow your things; you can still write.
 */
export function BlockButton({
  person,
  blocked,
  onChange,
}: {
  person: { id: string; name: string };
  blocked: boolean;
  onChange: (blocked: boolean) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const rootRef = useRef<HTMLDivElement>(null);
  // The pressed button goes away: the focus moves to the one shown in its place, once that is
  // there and enabled again (a button is disabled while its action runs, and cannot take focus).
  const moveFocus = useRef<"block" | "unblock" | null>(null);
  useEffect(() => {
    const shown = blocked ? "unblock" : confirming ? null : "block";
    if (pending || !moveFocus.current || moveFocus.current !== shown) return;
    moveFocus.current = null;
    rootRef.current?.querySelector("button")?.focus();
  });

  function set(block: boolean) {
    startTransition(async () => {
      const result = await setBlockedAction(person.id, block);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setConfirming(false);
      moveFocus.current = block ? "unblock" : "block";
      onChange(block);
    });
  }

  return (
    <div ref={rootRef} className="flex flex-col items-start gap-2">
      {blocked ? (
        <Button
          variant="secondary"
          size="sm"
          pending={pending}
          onClick={() => set(false)}
          aria-label={`Unblock ${person.name}`}
        >
          Unblock
        </Button>
      ) : confirming ? (
        <div
          role="group"
          aria-label={`Confirm blocking ${person.name}`}
          className="flex flex-col gap-2 rounded-2xl bg-red-50 p-3 ring-1 ring-red-200"
        >
          <p className="text-sm text-red-900">
            Block {person.name}? They will no longer be able to message you or ask to borrow your things.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button
              variant="danger"
              size="sm"
              pending={pending}
              onClick={() => set(true)}
              aria-label={`Yes, block ${person.name}`}
            >
              Yes, block
            </Button>
            <Button
              variant="ghost"
              size="sm"
              disabled={pending}
              onClick={() => {
                setConfirming(false);
                moveFocus.current = "block";
              }}
            >
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        // Named in full for screen readers; on screen the thread says whom (a long name would not fit a phone).
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={`Block ${person.name}`}
        >
          Block
        </Button>
      )}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
