import { z } from "zod";

/** Roles a user can have. Services never check roles, only permissions. */
export const ROLES = ["user", "admin"] as const;
/** The role of a user. */
export const RoleSchema = z.enum(ROLES);
/** The role of a user. */
export type Role = z.infer<typeof RoleSchema>;

const USER_PERMISSIONS = [
  "item.create",
  "item.update.own",
  "item.delete.own",
  "loan.request",
  "loan.manage.own",
  "profile.edit",
  /** Read your own loans (as borrower or owner). */
  "loan.read.own",
  /** Read your own conversations and their messages. */
  "message.read.own",
  /** Ask about an item, send messages, mark threads read. */
  "message.write",
  /** Register, list and remove your webhooks and redeliver their events. */
  "webhook.manage",
  /** Read your events feed (`GET /events`). */
  "event.read",
  /**
   * The account's own settings that no token scope covers: notifications and their preferences,
   * favourites, blocks, reviews, reports, the calendar link, sessions and personal access tokens.
   * Held by a signed-in session only, never by a personal access token.
   */
  "account.manage",
] as const;

const ADMIN_PERMISSIONS = [
  "item.update.any",
  "item.delete.any",
  "loan.cancel.any",
  "user.list",
  "user.update.role",
  "user.delete",
  "user.suspend",
  "report.manage",
  "audit.read",
  "system.admin",
] as const;

/** The permissions every signed-in person holds. */
export const USER_ROLE_PERMISSIONS: readonly Permission[] = USER_PERMISSIONS;
/** The permissions only admins hold. */
export const ADMIN_ONLY_PERMISSIONS: readonly Permission[] = ADMIN_PERMISSIONS;

/** Every permission the User API can grant. */
export const PERMISSIONS = [...USER_PERMISSIONS, ...ADMIN_PERMISSIONS] as const;
/** A permission string handed out with each validated token. */
export type Permission = (typeof PERMISSIONS)[number];
/** A permission string handed out with each validated token. */
export const PermissionSchema = z.enum(PERMISSIONS);

/** The permissions a role grants (admin has everything a user has, and more). */
export const PERMISSIONS_BY_ROLE: Record<Role, readonly Permission[]> = {
  user: USER_PERMISSIONS,
  admin: PERMISSIONS,
};
