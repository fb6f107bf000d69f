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
