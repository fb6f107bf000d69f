"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { User } from "@sharehood/sdk/contract";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Button } from "@sharehood/ui/button";
import { TextAreaField } from "@sharehood/ui/text-area-field";
import { deleteUserAction, suspendUserAction, unsuspendUserAction } from "@/features/admin/actions";

/** What an admin is about to do to an account. */
export type UserAction = "suspend" | "unsuspend" | "delete";

const TEXT: Record<UserAction, { question: (name: string) => string; button: (name: string) => string }> = {
  suspend: {
    question: (name) =>
      `Suspend ${name}? They are signed out everywhere at once, cannot sign in again, and their items are hidden until you lift it.`,
    button: (name) => `Suspend ${name}`,
  },
  unsuspend: {
    question: (name) => `Lift ${name}'s suspension? They can sign in again and their items show again.`,
    button: () => "Lift suspension",
  },
  delete: {
    question: (name) => `Delete ${name}'s account? This cannot be undone.`,
    button: (name) => `Delete ${name}`,
  },
};

/**
 * The second step of suspending, lifting a suspension or deleting: what it does, the reason (for
 * the audit log; required to suspend, since whoever looks at the account later must know why),
 * and the button that does it.
 */
export function UserActionPanel({
  user,
  action,
  onDone,
  onCancel,
}: {
  user: User;
  action: UserAction;
  onDone: (changed: User | null) => void;
  onCancel: () => void;
}) {
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  const run = useMutation({
    // Answers the account as it is now, or null once deleted.
    mutationFn: async (): Promise<User | null> => {
      const result =
        action === "suspend"
          ? await suspendUserAction(user.id, reason)
          : action === "unsuspend"
            ? await unsuspendUserAction(user.id, reason)
            : await deleteUserAction(user.id, reason);
      if (!result.ok) throw new Error(result.message);
      return result.data ?? null;
    },
    onSuccess: onDone,
  });
  const required = action === "suspend";
  const fieldId = `reason-${action}-${user.id}`;

  function confirm() {
    if (required && !reason.trim()) {
      setMissing(true);
      return;
    }
    run.mutate();
  }

  return (
    <div
      role="group"
      aria-label={`${TEXT[action].button(user.name)}: confirm`}
      className="flex flex-col gap-3 rounded-2xl bg-red-50 p-4 ring-1 ring-red-200"
    >
      <p className="text-sm text-red-950">
        {TEXT[action].question(user.name)} <span className="text-red-900">({user.email})</span>
      </p>
      <TextAreaField
        id={fieldId}
        name="reason"
        label={required ? "Reason" : "Reason (optional)"}
        hint="Kept in the audit log."
        rows={2}
        maxLength={FIELD_LIMITS.moderationNote}
        value={reason}
        onChange={(event) => {
          setReason(event.target.value);
          setMissing(false);
        }}
        error={missing ? "Say why you suspend this account." : undefined}
        required={required}
      />
      {run.error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {run.error.message}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant={action === "unsuspend" ? "primary" : "danger"}
          pending={run.isPending}
          onClick={confirm}
        >
          {TEXT[action].button(user.name)}
        </Button>
        <Button size="sm" variant="ghost" disabled={run.isPending} onClick={onCancel}>
          {action === "delete" ? "Keep" : "Cancel"}
        </Button>
      </div>
    </div>
  );
}
