/**
 * Avatar photos reach browsers through the web app's own origin, as item photos do
 * (app/avatars/[file]/route.ts relays the User API's `GET /avatars/<file>`): the User API answers
 * absolute URLs on its own address, which a browser may not reach, and the CSP's img-src stays
 * 'self'. Every avatar URL that reaches a page or the browser passes through `siteAvatarPath`.
 */

/** An avatar's file name as the User API serves it: its id and `.webp`. The route checks the same. */
export const AVATAR_FILE = /^[A-Za-z0-9_-]{1,80}\.webp$/;

/** Whether `file` names an avatar file (no traversal, no other file). */
export function isAvatarFile(file: string): boolean {
  return AVATAR_FILE.test(file);
}

/** `/avatars/<file>` for a User API avatar URL; null for none, or for a URL that is not an avatar's. */
export function siteAvatarPath(url: string | null | undefined): string | null {
  if (!url) return null;
  // Absolute (on the User API's public address, perhaps under a path prefix) or already a path.
  const path = URL.canParse(url) ? new URL(url).pathname : url;
  const match = /\/avatars\/([^/]+)$/.exec(path);
  return match?.[1] && isAvatarFile(match[1]) ? `/avatars/${match[1]}` : null;
}

/** A person (or anything with an `avatarUrl`) with a site-relative avatar URL. */
export function withSiteAvatar<T extends { avatarUrl: string | null }>(person: T): T {
  return { ...person, avatarUrl: siteAvatarPath(person.avatarUrl) };
}
