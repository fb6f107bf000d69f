import { MAX_PHOTOS_PER_ITEM, type Item } from "@sharehood/sdk";
import { AppError, forbidden, notFound, type Logger } from "@sharehood/server-kit";
import type { FileStorage, ReceivedFile } from "@sharehood/server-kit/images";
import { can, type Caller } from "../auth/caller.ts";
import { expectedVersion, stale } from "../items/if-match.ts";
import { toItemDto, type PhotoUrls } from "../items/item-dto.ts";
import type { ItemsRepository } from "../items/items.repository.ts";
import { newId } from "../../new-id.ts";
import { fileKey, type RemovePhotoFiles } from "./photo-files.ts";
import type { PhotoIntake } from "./photo-intake.ts";
import type { ProcessedPhoto } from "./process-photo.ts";
import type { PhotosRepository, Refusal } from "./photos.repository.ts";

const full = () =>
  new AppError(
    "conflict",
    `An item can have at most ${MAX_PHOTOS_PER_ITEM} photos; remove some before adding more`,
  );

const storageDown = (cause: unknown) =>
  new AppError("dependency_unavailable", "Photo storage is unavailable right now. Try again shortly.", {
    headers: { "retry-after": "5" },
    cause,
  });

export function createPhotosService(deps: {
  photos: PhotosRepository;
  items: ItemsRepository;
  storage: FileStorage;
  removeFiles: RemovePhotoFiles;
  photoUrls: PhotoUrls;
  intake: PhotoIntake;
  logger: Logger;
}) {
  const { photos, items, storage, removeFiles, photoUrls, intake, logger } = deps;

  /** The item, if the caller may change its photos (owner with item.update.own, or item.update.any). */
  async function mayChange(caller: Caller, itemId: string) {
    const item = await items.findById(itemId);
    if (!item) throw notFound("The item");
    const mine = item.ownerId === caller.user.id && can(caller, "item.update.own");
    if (!mine && !can(caller, "item.update.any"))
      throw forbidden("Only the item's owner can change its photos");
    return item;
  }

  const refused = (refusal: Refusal) => (refusal === "missing" ? notFound("The item") : stale());

  // Photo routes declare `invalidates: "catalogue"`; the route mounter empties the public cache.
  async function changed(itemId: string): Promise<Item> {
    const row = await items.findById(itemId);
    if (!row) throw notFound("The item");
    return toItemDto(row, photoUrls);
  }

  async function store(processed: ProcessedPhoto[]) {
    const records = processed.map((p) => ({ id: newId(), width: p.width, height: p.height }));
    const stored = records.map((r) => ({ ...r, key: r.id }));
    try {
      await Promise.all(
        processed.flatMap((p, i) => [
          storage.put(fileKey(stored[i]!.key, "display"), p.display, "image/webp"),
          storage.put(fileKey(stored[i]!.key, "thumb"), p.thumbnail, "image/webp"),
        ]),
      );
    } catch (error) {
      await removeFiles(stored.map((r) => r.key));
      logger.error({ err: error }, "photo storage write failed");
      throw storageDown(error);
    }
    return stored;
  }

  return {
    /**
     * Adds photos: checks the caller, their hourly allowance, the decode line and the room left
     * before reading any of the body, then lets `receive` read at most that many files, each handed
     * to `accept` as it arrives (counted, checked, decoded in turn). Files are stored before their
     * rows, and removed again if the rows cannot be written, so a refused upload leaves nothing behind.
     */
    async upload(
      caller: Caller,
      itemId: string,
      ifMatch: string | undefined,
      receive: (
        room: number,
        full: () => AppError,
        accept: (file: ReceivedFile, signal: AbortSignal) => Promise<ProcessedPhoto>,
      ) => Promise<ProcessedPhoto[]>,
    ): Promise<Item> {
      const version = expectedVersion(ifMatch);
      await mayChange(caller, itemId);
      await intake.admit(caller.user.id);
      const room = MAX_PHOTOS_PER_ITEM - (await photos.count(itemId));
      if (room <= 0) throw full();
      const processed = await receive(room, full, (file, signal) =>
        intake.accept(caller.user.id, file, signal),
      );
      const stored = await store(processed);
      const outcome = await photos.add(itemId, stored, version, MAX_PHOTOS_PER_ITEM).catch(async (error) => {
        await removeFiles(stored.map((r) => r.key));
        throw error;
      });
      if (outcome !== "added") {
        await removeFiles(stored.map((r) => r.key));
        if (outcome === "full") throw full();
        throw refused(outcome);
      }
      return changed(itemId);
    },

    /** Removes one photo: its row (bumping the item's version), then its files. */
    async remove(
      caller: Caller,
      itemId: string,
      photoId: string,
      ifMatch: string | undefined,
    ): Promise<void> {
      const version = expectedVersion(ifMatch);
      await mayChange(caller, itemId);
      const outcome = await photos.remove(itemId, photoId, version);
      if (outcome === "no_photo") throw notFound("The photo");
      if (typeof outcome === "string") throw refused(outcome);
      await removeFiles([outcome.key]);
    },

    /** Puts the item's photos in the order of `photoIds`, which must list each of them once. */
    async reorder(
      caller: Caller,
      itemId: string,
      photoIds: string[],
      ifMatch: string | undefined,
    ): Promise<Item> {
      const version = expectedVersion(ifMatch);
      await mayChange(caller, itemId);
      const outcome = await photos.reorder(itemId, photoIds, version);
      if (outcome === "mismatch") {
        throw new AppError("validation_failed", "photoIds must list each of the item's photos exactly once", {
          errors: [{ path: "body.photoIds", message: "must be the item's photo ids, each once" }],
        });
      }
      if (outcome !== "reordered") throw refused(outcome);
      return changed(itemId);
    },

    /** A stored photo file, or null. Storage trouble is a 503, not a 404. */
    async file(key: string): Promise<Buffer | null> {
      try {
        return await storage.get(key);
      } catch (error) {
        logger.error({ err: error }, "photo storage read failed");
        throw storageDown(error);
      }
    },
  };
}

export type PhotosService = ReturnType<typeof createPhotosService>;
