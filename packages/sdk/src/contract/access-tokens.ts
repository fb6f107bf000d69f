import { z } from "zod";
import { IdParamsSchema, IdSchema, TimestampSchema } from "./common.ts";
import { ADMIN_ONLY_PERMISSIONS, PERMISSIONS_BY_ROLE, type Permission, type Role } from "./permissions.ts";

/**
 * The scopes a personal access token can carry. A token may do what the union of its scopes'
 * permissions allows, and never more than its owner's role allows at the moment of each request.
 */
export const SCOPES = [
  "items:write",
  "loans:read",
  "loans:write",
  "messages:read",
  "messages:write",
  "webhooks:manage",
  "profile:write",
  "admin",
] as const;
/** A personal access token scope. */
export const ScopeSchema = z.enum(SCOPES);
/** A personal access token scope. */
export type Scope = z.infer<typeof ScopeSchema>;

/**
 * What each scope grants. Scopes are orthogonal: a write scope does not imply its read scope (a
 * script approving requests asks for `loans:read` and `loans:write`). No scope grants
 * `account.manage`: notifications, favourites, blocks, reviews, reports, the calendar link and the
 * tokens themselves stay with a signed-in session.
 */
export const SCOPE_PERMISSIONS: Record<Scope, readonly Permission[]> = {
  "items:write": ["item.create", "item.update.own", "item.delete.own"],
  "loans:read": ["loan.read.own"],
  "loans:write": ["loan.request", "loan.manage.own"],
  "messages:read": ["message.read.own"],
  "messages:write": ["message.write"],
  "webhooks:manage": ["webhook.manage", "event.read"],
  "profile:write": ["profile.edit"],
  admin: ADMIN_ONLY_PERMISSIONS,
};

/** The permissions a set of scopes grants (before narrowing to the owner's role). */
export function permissionsOfScopes(scopes: readonly Scope[]): Permission[] {
  return [...new Set(scopes.flatMap((scope) => SCOPE_PERMISSIONS[scope]))];
}

/** The scopes a role may put on a token: those whose every permission the role holds. */
export function scopesForRole(role: Role): Scope[] {
  const held = new Set(PERMISSIONS_BY_ROLE[role]);
  return SCOPES.filter((scope) => SCOPE_PERMISSIONS[scope].every((permission) => held.has(permission)));
}

/** The prefix every personal access token secret starts with (for secret scanners). */
export const ACCESS_TOKEN_PREFIX = "shp_";
/** How many characters of the secret are kept and shown to recognise a token. */
export const ACCESS_TOKEN_PREFIX_LENGTH = 8;
/** The most live (unrevoked, unexpired) personal access tokens one person may hold. */
export const MAX_ACCESS_TOKENS = 50;
/** The longest a personal access token may live when it has an expiry. */
export const MAX_ACCESS_TOKEN_LIFETIME_DAYS = 366;

/** A personal access token as its owner sees it (never its secret, which is shown once). */
export const AccessTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  scopes: z.array(ScopeSchema),
  /** The first characters of the secret (`shp_…`), to recognise it. */
  prefix: z.string(),
  createdAt: TimestampSchema,
  /** null: it never expires. */
  expiresAt: TimestampSchema.nullable(),
  lastUsedAt: TimestampSchema.nullable(),
  /** The client address of the last use, as the service that saw it reported it. */
  lastUsedFrom: z.string().nullable(),
});
/** A personal access token as its owner sees it. */
export type AccessToken = z.infer<typeof AccessTokenSchema>;

/** `GET /users/me/tokens` answer: the live tokens, newest first. */
export const AccessTokenListSchema = z.object({ items: z.array(AccessTokenSchema) });
/** `GET /users/me/tokens` answer. */
export type AccessTokenList = z.infer<typeof AccessTokenListSchema>;

/**
 * `POST /users/me/tokens` body: a name, one or more distinct scopes, and an expiry in the future
 * and at most a year away, or null (or absent) for a token that never expires.
 */
export const CreateAccessTokenBodySchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scopes: z
    .array(ScopeSchema)
    .min(1, "must name at least one scope")
    .refine((scopes) => new Set(scopes).size === scopes.length, "must not repeat a scope"),
  expiresAt: z.iso
    .datetime({ offset: true })
    .refine((value) => Date.parse(value) > Date.now(), "must be in the future")
    .refine(
      (value) => Date.parse(value) <= Date.now() + MAX_ACCESS_TOKEN_LIFETIME_DAYS * 86_400_000,
      "must be at most a year away",
    )
    .nullable()
    .optional(),
});
/** `POST /users/me/tokens` body. */
export type CreateAccessTokenBody = z.input<typeof CreateAccessTokenBodySchema>;

/** `POST /users/me/tokens` answer: the token, with its secret shown this once. */
export const CreatedAccessTokenSchema = AccessTokenSchema.extend({ token: z.string() });
/** `POST /users/me/tokens` answer. */
export type CreatedAccessToken = z.infer<typeof CreatedAccessTokenSchema>;

/** `DELETE /users/me/tokens/:id` parameters. */
export const AccessTokenParamsSchema = IdParamsSchema;
