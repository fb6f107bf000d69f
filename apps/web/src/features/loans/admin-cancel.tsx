"use client";
import { useState } from "react";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Button } from "@sharehood/ui/button";

/**
 * An admin cancelling a loan that is not theirs: a second step that says what happens, with an
 * optional reason for the audit log.
 */
export function AdminCancelConfirm({
  itemTitle,
  pending,
  onConfirm,
  onBack,
}: {
  itemTitle: string;
  pending: boolean;
  onConfirm: (reason: string) => void;
  onBack: () => void;
}) {
  const [reason, setReason] = useState("");
  return (
    <div
      role="group"
      aria-label="Confirm cancelling the loan"
      className="flex flex-col gap-2 rounded-2xl bg-red-50 p-3 ring-1 ring-red-200"
    >
      <p className="text-sm text-red-950">
        Cancel the loan of “{itemTitle}”? The borrower and the owner are told.
      </p>
      <input
        aria-label="Why cancel it? (optional, for the audit log)"
        value={reason}
        onChange={(event) => setReason(event.target.value)}
        maxLength={FIELD_LIMITS.moderationNote}
        placeholder="Why? (optional)"
        className="h-9 w-full rounded-lg border border-stone-300 bg-white px-2 text-sm"
      />
      <div className="flex flex-wrap gap-2">
        <Button size="sm" variant="danger" pending={pending} onClick={() => onConfirm(reason)}>
          Yes, cancel the loan
        </Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={onBack}>
          Back
        </Button>
      </div>
    </div>
  );
}
