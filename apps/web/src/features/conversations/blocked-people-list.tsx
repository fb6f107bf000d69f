"use client";
import { useState, useTransition } from "react";
import type { Block } from "@sharehood/sdk/contract";
import { Avatar } from "@sharehood/ui/avatar";
import { Button } from "@sharehood/ui/button";
import { setBlockedAction } from "@/features/conversations/actions";

/** The people I blocked, each with "Unblock"; an unblocked person leaves the list at once. */
export function BlockedPeopleList({ initial, more }: { initial: Block[]; more: boolean }) {
  const [blocks, setBlocks] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [pendingId, setPendingId] = useState<string | null>(null);
  const [, startTransition] = useTransition();

  function unblock(block: Block) {
    setPendingId(block.user.id);
    startTransition(async () => {
      const result = await setBlockedAction(block.user.id, false);
      setPendingId(null);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setError(null);
      setBlocks((current) => current.filter((item) => item.user.id !== block.user.id));
      setStatus(`${block.user.name} is unblocked.`);
    });
  }

  return (
    <div className="flex flex-col gap-3">
      {blocks.length === 0 ? (
        <p className="text-sm text-stone-600">You have not blocked anyone.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-stone-100" aria-label="Blocked people">
          {blocks.map((block) => (
            <li key={block.user.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="flex min-w-0 items-center gap-3">
                <Avatar name={block.user.name} seed={block.user.id} size="sm" />
                <span className="min-w-0 font-medium text-stone-900">{block.user.name}</span>
              </span>
              <Button
                variant="secondary"
                size="sm"
                pending={pendingId === block.user.id}
                onClick={() => unblock(block)}
                aria-label={`Unblock ${block.user.name}`}
              >
                Unblock
              </Button>
            </li>
          ))}
        </ul>
      )}
      {more && <p className="text-sm text-stone-600">The 100 you blocked most recently are shown.</p>}
      {error && (
        <p role="alert" className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
      <p role="status" className="sr-only">
        {status}
      </p>
    </div>
  );
}
