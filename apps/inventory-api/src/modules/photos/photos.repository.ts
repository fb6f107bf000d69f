import type { Db, Prisma } from "../../db.ts";

/** A photo row as stored: `key` is where its files live. */
export interface PhotoRecord {
  id: string;
  key: string;
  width: number;
  height: number;
}

type Tx = Prisma.TransactionClient;

/** Why a photo change did not happen: no such (listed) item, or it is not at the expected version. */
export type Refusal = "missing" | "stale";

/**
 * Locks the item's row for the rest of the transaction, so photo changes of one item (and its
 * removal, which updates the same row) happen one at a time. Answers its version, or a refusal.
 */
async function lockItem(tx: Tx, itemId: string, expectedVersion: number | undefined) {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    SELECT version FROM items WHERE id = ${itemId} AND deleted_at IS NULL FOR UPDATE`;
  const row = rows[0];
  if (!row) return "missing" as const;
  if (expectedVersion !== undefined && row.version !== expectedVersion) return "stale" as const;
  return row.version;
}

const bumpVersion = (tx: Tx, itemId: string) =>
  tx.item.update({ where: { id: itemId }, data: { version: { increment: 1 } }, select: { id: true } });

export function createPhotosRepository(db: Db) {
  return {
    /** How many photos the item has. */
    count: (itemId: string): Promise<number> => db.photo.count({ where: { itemId } }),

    /**
     * Appends photos after the item's last one and bumps its version, unless that would give it
     * more than `max` photos ("full").
     */
    add: (itemId: string, photos: PhotoRecord[], expectedVersion: number | undefined, max: number) =>
      db.$transaction(async (tx): Promise<"added" | "full" | Refusal> => {
        const locked = await lockItem(tx, itemId, expectedVersion);
        if (typeof locked === "string") return locked;
        const existing = await tx.photo.aggregate({
          where: { itemId },
          _count: true,
          _max: { position: true },
        });
        if (existing._count + photos.length > max) return "full";
        const start = (existing._max.position ?? -1) + 1;
        await tx.photo.createMany({
          data: photos.map((photo, i) => ({ ...photo, itemId, position: start + i })),
        });
        await bumpVersion(tx, itemId);
        return "added";
      }),

    /** Deletes one photo's row and bumps the item's version; answers the photo's storage key. */
    remove: (itemId: string, photoId: string, expectedVersion: number | undefined) =>
      db.$transaction(async (tx): Promise<{ key: string } | "no_photo" | Refusal> => {
        const locked = await lockItem(tx, itemId, expectedVersion);
        if (typeof locked === "string") return locked;
        const photo = await tx.photo.findFirst({ where: { id: photoId, itemId }, select: { key: true } });
        if (!photo) return "no_photo";
        await tx.photo.delete({ where: { id: photoId } });
        await bumpVersion(tx, itemId);
        return photo;
      }),

    /** Gives the photos positions in the order of `photoIds`, which must be exactly the item's photos. */
    reorder: (itemId: string, photoIds: string[], expectedVersion: number | undefined) =>
      db.$transaction(async (tx): Promise<"reordered" | "mismatch" | Refusal> => {
        const locked = await lockItem(tx, itemId, expectedVersion);
        if (typeof locked === "string") return locked;
        const current = await tx.photo.findMany({ where: { itemId }, select: { id: true } });
        const wanted = new Set(photoIds);
        if (wanted.size !== photoIds.length || current.length !== wanted.size) return "mismatch";
        if (current.some((photo) => !wanted.has(photo.id))) return "mismatch";
        for (const [position, id] of photoIds.entries()) {
          await tx.photo.update({ where: { id }, data: { position }, select: { id: true } });
        }
        await bumpVersion(tx, itemId);
        return "reordered";
      }),
  };
}

export type PhotosRepository = ReturnType<typeof createPhotosRepository>;
