import type { Item, ItemDetail } from "@sharehood/sdk";
import type { ItemRow } from "./item-row.ts";

/** Where a stored photo is served from; set by the photos module. */
export type PhotoUrls = (key: string) => { url: string; thumbnailUrl: string };

export function toItemDto(row: ItemRow, photoUrls: PhotoUrls): Item {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    categoryId: row.categoryId,
    condition: row.condition,
    location: row.location,
    photos: row.photos.map((photo) => ({
      id: photo.id,
      width: photo.width,
      height: photo.height,
      ...photoUrls(photo.key),
    })),
    owner: { id: row.ownerId, name: row.ownerName, avatarUrl: row.ownerAvatarUrl },
    // Only the owner and admins ever read a hidden item; a suspended owner's items have no reason
    // of their own, so they say nothing unless moderators hid them too.
    hidden: row.hiddenAt ? { at: row.hiddenAt.toISOString(), reason: row.hiddenReason ?? "" } : null,
    // Stored already snapped to the grid, so answered as stored: never more precise than that.
    position: row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng },
    paused: row.paused,
    minDays: row.minDays,
    maxDays: row.maxDays,
    noticeDays: row.noticeDays,
    blockedRanges: row.blockedRanges,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toItemDetailDto(
  row: ItemRow,
  bookings: ItemDetail["bookings"],
  photoUrls: PhotoUrls,
): ItemDetail {
  return { ...toItemDto(row, photoUrls), bookings };
}
