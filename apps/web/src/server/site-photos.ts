import type { Page, Photo } from "@sharehood/sdk";
import { withSiteAvatar } from "@/server/site-avatars";

/**
 * Item photos reach browsers through the web app's own origin (app/photos/[id]/[file]/route.ts),
 * so a page shows them at whatever address it was opened at (a phone on the LAN, a second host
 * name) and the CSP's img-src can stay 'self'. The Inventory API answers absolute URLs on its
 * PUBLIC_URL; these turn them into site-relative `/photos/<id>/<file>` paths.
 */

/** A photo's id as the Inventory API stores it (a UUID). The route checks the same. */
export const PHOTO_ID = /^[A-Za-z0-9-]{1,64}$/;
/** The files each photo has. */
export const PHOTO_FILES = ["display.webp", "thumb.webp"] as const;

/** Whether `id`/`file` name a photo file (no traversal, no other file). */
export function isPhotoFile(id: string, file: string): boolean {
  return PHOTO_ID.test(id) && (PHOTO_FILES as readonly string[]).includes(file);
}

/** `/photos/<id>/<file>` for an Inventory API photo URL; any other URL as it was. */
export function sitePhotoPath(url: string): string {
  if (!URL.canParse(url)) return url;
  // The last two segments: PUBLIC_URL may carry a path prefix (behind a gateway).
  const match = /\/photos\/([^/]+)\/([^/]+)$/.exec(new URL(url).pathname);
  if (!match?.[1] || !match[2] || !isPhotoFile(match[1], match[2])) return url;
  return `/photos/${match[1]}/${match[2]}`;
}

/** What has photos, and perhaps an owner with an avatar (an item). */
type WithPhotos = { photos: readonly Photo[]; owner?: { avatarUrl: string | null } };

/** An item (or anything with photos) with site-relative photo URLs, and its owner's avatar too. */
export function withSitePhotos<T extends WithPhotos>(item: T): T {
  return {
    ...item,
    photos: item.photos.map((photo) => ({
      ...photo,
      url: sitePhotoPath(photo.url),
      thumbnailUrl: sitePhotoPath(photo.thumbnailUrl),
    })),
    ...(item.owner ? { owner: withSiteAvatar(item.owner) } : {}),
  };
}

/** A page of items with site-relative photo (and owner avatar) URLs. */
export function pageWithSitePhotos<T extends WithPhotos>(page: Page<T>): Page<T> {
  return { ...page, items: page.items.map(withSitePhotos) };
}
