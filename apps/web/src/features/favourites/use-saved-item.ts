"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useViewer } from "@/features/layout/viewer";
import { savedIdsQuery, type SavedIds } from "@/features/favourites/queries";

// The refusals a heart can meet, in plain words.
const REFUSALS: Partial<Record<number, string>> = {
  401: "Your session has ended. Please sign in again.",
  404: "This item is no longer listed.",
  409: "You have saved as many items as you can. Remove some from Saved to save more.",
  429: "Too many changes at once. Please wait a moment and try again.",
};

async function send(itemId: string, save: boolean): Promise<void> {
  const response = await fetch(`/api/items/${encodeURIComponent(itemId)}/favourite`, {
    method: save ? "PUT" : "DELETE",
  });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  throw new Error(REFUSALS[response.status] ?? body.message ?? "That did not work. Please try again.");
}

/**
 * Whether the signed-in person saved an item, and a toggle for it. The heart changes at once; a
 * refusal puts it back and says why. `viewer` is undefined while a shared page asks who is there.
 */
export function useSavedItem(itemId: string) {
  const viewer = useViewer();
  const queryClient = useQueryClient();
  const options = savedIdsQuery(viewer?.id);
  const ids = useQuery(options).data;
  const [error, setError] = useState<string | null>(null);
  const setSaved = (save: boolean) =>
    queryClient.setQueryData<SavedIds>(options.queryKey, (old) => {
      const rest = (old?.ids ?? []).filter((id) => id !== itemId);
      return { ids: save ? [itemId, ...rest] : rest };
    });
  const mutation = useMutation({
    mutationFn: (save: boolean) => send(itemId, save),
    onMutate: (save) => {
      setError(null);
      setSaved(save);
    },
    onError: (failure, save) => {
      setSaved(!save);
      setError(failure.message);
    },
    // The Saved page reads its list again when it is next shown.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["favourites", "list"], refetchType: "none" }),
  });
  return {
    viewer,
    /** Undefined until the ids are in. */
    saved: ids?.has(itemId),
    error,
    toggle: () => {
      if (!mutation.isPending && ids) mutation.mutate(!ids.has(itemId));
    },
  };
}
