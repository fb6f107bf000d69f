"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FIELD_LIMITS } from "@sharehood/sdk/limits";
import { Button } from "@sharehood/ui/button";
import { deleteItemAction } from "@/features/items/actions";

/**
 * Removes an item after a second, explicit click. `onDeleted` lets a list drop the card in
 * place; without it the page goes to `redirectTo`. `askReason`: an admin removing someone else's
 * item may say why, for the audit log.
 */
export function DeleteItemButton({
  itemId,
  itemTitle,
  label = "Delete",
  redirectTo,
  onDeleted,
  size = "sm",
  askReason = false,
}: {
  itemId: string;
  itemTitle: string;
  label?: string;
  redirectTo?: string;
  onDeleted?: () => void;
  size?: "sm" | "md";
  askReason?: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const router = useRouter();

  function remove() {
    startTransition(async () => {
      const result = await deleteItemAction(itemId, askReason ? reason : undefined);
      if (!result.ok) {
        setError(result.message);
        setConfirming(false);
        return;
      }
      onDeleted?.();
      if (redirectTo) router.push(redirectTo);
    });
  }

  return (
    <div className="flex flex-col gap-2">
      {confirming ? (
        <div
          className="flex flex-wrap items-center gap-2"
          role="group"
          aria-label={`Confirm deleting ${itemTitle}`}
        >
          {askReason && (
            <input
              aria-label={`Why remove ${itemTitle}? (optional, for the audit log)`}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              maxLength={FIELD_LIMITS.moderationNote}
              placeholder="Why? (optional)"
              className="h-9 w-full rounded-lg border border-stone-300 bg-white px-2 text-sm sm:w-56"
            />
          )}
          <Button variant="danger" size={size} pending={pending} onClick={remove}>
            Yes, delete “{itemTitle}”
          </Button>
          <Button variant="ghost" size={size} onClick={() => setConfirming(false)} disabled={pending}>
            Keep it
          </Button>
        </div>
      ) : (
        <Button
          variant="secondary"
          size={size}
          onClick={() => setConfirming(true)}
          aria-label={`${label} ${itemTitle}`}
        >
          {label}
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
