/** An avatar's one file: `<avatar id>.webp` (a 256×256 WebP), under `avatars/` in the storage. */
export const avatarFile = (avatarId: string): string => `${avatarId}.webp`;

/** Which `/avatars/<file>` names can be an avatar's: ids are UUIDs, so nothing else reaches storage. */
export const AVATAR_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.webp$/;

/** The absolute URL of an avatar, or null for none. */
export type AvatarUrl = (avatarId: string | null) => string | null;

/**
 * Absolute avatar URLs (`<PUBLIC_URL>/avatars/<id>.webp`), so pages on another origin (the web app)
 * can show them, as the Inventory API does for item photos.
 */
export function avatarUrlAt(publicUrl: string): AvatarUrl {
  const base = publicUrl.replace(/\/+$/, "");
  return (avatarId) => (avatarId === null ? null : `${base}/avatars/${avatarFile(avatarId)}`);
}
