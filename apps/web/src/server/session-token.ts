import type { Permission, Role } from "@sharehood/sdk";

/** The signed-in person as pages see them. Never carries an API token. */
export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  permissions: Permission[];
  /** Their avatar photo on this site (`/avatars/...`); absent in sessions started before avatars. */
  avatarUrl?: string | null;
}

/**
 * Whether the viewer holds a permission (the APIs enforce it; this only shapes the UI). For server
 * and client components alike: a shared page's viewer is `undefined` until it is known.
 */
export function can(viewer: Viewer | null | undefined, permission: Permission): boolean {
  return viewer?.permissions.includes(permission) ?? false;
}

/**
 * What the encrypted next-auth session cookie holds. It lives only on the server side of the
 * app: pages get a `Viewer`, and the API tokens never reach browser JavaScript.
 */
export interface SessionTokens {
  viewer: Viewer;
  accessToken: string;
  refreshToken: string;
  /** When the access token expires, in epoch milliseconds. */
  accessTokenExpiresAt: number;
}
