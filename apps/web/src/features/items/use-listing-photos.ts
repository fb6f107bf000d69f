"use client";
import { useEffect, useRef, useState } from "react";
import type { Item, Photo } from "@sharehood/sdk/contract";
import type { PhotoEntry } from "@/features/items/photo-field";
import {
  checkPhotoFiles,
  deletePhoto,
  PhotoRequestError,
  reorderPhotos,
  uploadPhoto,
} from "@/features/items/photo-requests";

interface Draft {
  key: string;
  file: File;
  src: string;
  progress?: number;
}

const messageOf = (error: unknown) =>
  error instanceof PhotoRequestError ? error.message : "Something went wrong. Please try again.";

function moved<T>(list: readonly T[], index: number, delta: number): T[] {
  const next = [...list];
  const [entry] = next.splice(index, 1);
  next.splice(index + delta, 0, entry as T);
  return next;
}

/**
 * The photos of the listing form. Editing an item, every change is saved at once through the app's
 * route handlers (uploads one file at a time, with progress; each answer carries the item's new
 * version, which the form's own "Save changes" then uses). Creating one, photos wait in the browser
 * until the item exists; `uploadDrafts` then sends them in order.
 */
export function useListingPhotos(item: Item | undefined) {
  const [photos, setPhotos] = useState<Photo[]>(item?.photos ?? []);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(item?.version ?? 0);
  // Sequential requests need the latest version before React re-renders.
  const versionRef = useRef(version);
  const draftsRef = useRef(drafts);
  useEffect(() => {
    draftsRef.current = drafts;
  });
  useEffect(() => () => draftsRef.current.forEach((draft) => URL.revokeObjectURL(draft.src)), []);

  function saved(next: Item) {
    versionRef.current = next.version;
    setVersion(next.version);
    setPhotos(next.photos);
  }
  const setProgress = (key: string, progress: number) =>
    setDrafts((current) => current.map((d) => (d.key === key ? { ...d, progress } : d)));
  const dropDraft = (key: string) =>
    setDrafts((current) => {
      const gone = current.find((d) => d.key === key);
      if (gone) URL.revokeObjectURL(gone.src);
      return current.filter((d) => d.key !== key);
    });

  /** Uploads the drafts one by one, in order; answers the problems (empty when all were added). */
  async function send(itemId: string, queue: readonly Draft[]): Promise<string[]> {
    const failed: string[] = [];
    for (const draft of queue) {
      try {
        const next = await uploadPhoto(itemId, versionRef.current, draft.file, (fraction) =>
          setProgress(draft.key, fraction),
        );
        saved(next);
      } catch (error) {
        failed.push(`“${draft.file.name}” was not added: ${messageOf(error)}`);
      }
      dropDraft(draft.key);
    }
    return failed;
  }

  function add(files: File[]) {
    const { accepted, problems: found } = checkPhotoFiles(files, photos.length + drafts.length);
    setProblems(found);
    const added = accepted.map((file) => ({
      key: `draft-${crypto.randomUUID()}`,
      file,
      src: URL.createObjectURL(file),
      ...(item ? { progress: 0 } : {}),
    }));
    setDrafts((current) => [...current, ...added]);
    if (!item || added.length === 0) return;
    setBusy(true);
    void send(item.id, added).then((failed) => {
      setProblems([...found, ...failed]);
      setBusy(false);
    });
  }

  async function change(request: () => Promise<Item>) {
    setBusy(true);
    setProblems([]);
    try {
      saved(await request());
    } catch (error) {
      setPhotos(photos);
      setProblems([messageOf(error)]);
    } finally {
      setBusy(false);
    }
  }

  function move(index: number, delta: -1 | 1) {
    if (!item) return setDrafts((current) => moved(current, index, delta));
    const next = moved(photos, index, delta);
    setPhotos(next);
    void change(() =>
      reorderPhotos(
        item.id,
        versionRef.current,
        next.map((photo) => photo.id),
      ),
    );
  }

  function remove(index: number) {
    setProblems([]);
    if (!item) {
      const draft = drafts[index];
      if (draft) dropDraft(draft.key);
      return;
    }
    const photo = photos[index];
    if (photo) void change(() => deletePhoto(item.id, versionRef.current, photo.id));
  }

  /** After the item was created: uploads the waiting photos to it. */
  async function uploadDrafts(created: { id: string; version: number }): Promise<string[]> {
    versionRef.current = created.version;
    setBusy(true);
    const queue = draftsRef.current.map((draft) => ({ ...draft, progress: 0 }));
    setDrafts(queue);
    const failed = await send(created.id, queue);
    setBusy(false);
    return failed;
  }

  const entries: PhotoEntry[] = [
    ...photos.map((photo) => ({
      key: `photo-${photo.id}`,
      src: photo.thumbnailUrl,
      width: 480,
      height: 360,
    })),
    ...drafts.map((draft) => ({
      key: draft.key,
      src: draft.src,
      name: draft.file.name,
      progress: draft.progress,
    })),
  ];

  return { entries, problems, busy, version, hasDrafts: drafts.length > 0, add, move, remove, uploadDrafts };
}
