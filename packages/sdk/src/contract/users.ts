import { z } from "zod";
import { IdSchema, PageQuerySchema, TimestampSchema } from "./common.ts";
import { FIELD_LIMITS } from "./limits.ts";
import { PermissionSchema, RoleSchema } from "./permissions.ts";
import { ScopeSchema } from "./access-tokens.ts";

// Emails are compared case-insensitively, so they are stored and looked up lower-cased.
export const EmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email("must be an email address"))
  .transform((email) => email.toLowerCase());
const PasswordSchema = z
  .string()
  .min(FIELD_LIMITS.passwordMin, `must be at least ${FIELD_LIMITS.passwordMin} characters`)
  .max(FIELD_LIMITS.passwordMax, `must be at most ${FIELD_LIMITS.passwordMax} characters`);
const NameSchema = z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.userName);

/** A user as they see themselves (never a password hash). */
export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** The person followed the link emailed to this address. */
  emailVerified: z.boolean(),
  /** A few words about themselves, shown on their public profile. */
  bio: z.string().nullable(),
  /** Where they are, in their own words ("Old Town", "near the station"): a label, never an address. */
  neighbourhood: z.string().nullable(),
  /** Their avatar photo (a URL served by the User API), or null. */
  avatarUrl: z.string().nullable(),
  /** Set while an admin has suspended the account (admins see it in the user list). */
  suspension: z.object({ at: TimestampSchema, reason: z.string() }).nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
/** A user as they see themselves. */
export type User = z.infer<typeof UserSchema>;

/** What anyone may see of a user: their public profile. */
export const PublicUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: TimestampSchema,
  bio: z.string().nullable(),
  neighbourhood: z.string().nullable(),
  avatarUrl: z.string().nullable(),
  emailVerified: z.boolean(),
});
/** What anyone may see of a user. */
export type PublicUser = z.infer<typeof PublicUserSchema>;

/** An optional profile text: trimmed, and an empty one clears it (null). */
function profileText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .transform((text) => (text === "" ? null : text))
    .nullable()
    .optional();
}

/** `POST /auth/register` body. */
export const RegisterBodySchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  name: NameSchema,
});
/** `POST /auth/register` body. */
export type RegisterBody = z.input<typeof RegisterBodySchema>;

/** `POST /auth/login` body. */
export const LoginBodySchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(256) });
/** `POST /auth/login` body. */
export type LoginBody = z.input<typeof LoginBodySchema>;

const TokenStringSchema = z.string().min(1).max(512);

/** `POST /auth/refresh` body. */
export const RefreshBodySchema = z.strictObject({ refreshToken: TokenStringSchema });
/** `POST /auth/refresh` body. */
export type RefreshBody = z.input<typeof RefreshBodySchema>;

/**
 * What register, login and refresh answer with. `expiresAt` is the access token's expiry;
 * `permissions` are what the token may do now, so a client needs no validate-token call after it.
 */
export const AuthResultSchema = z.object({
  user: UserSchema,
  permissions: z.array(PermissionSchema),
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresAt: TimestampSchema,
});
/** What register, login and refresh answer with. */
export type AuthResult = z.infer<typeof AuthResultSchema>;

/** `POST /auth/validate-token` body. */
export const ValidateTokenBodySchema = z.strictObject({
  token: TokenStringSchema,
  /**
   * The address of the client the calling service is serving, recorded as a personal access
   * token's "last used from". Optional: older callers do not send it.
   */
  clientAddress: z.string().trim().min(1).max(64).optional(),
});
/** `POST /auth/validate-token` body. */
export type ValidateTokenBody = z.input<typeof ValidateTokenBodySchema>;

/** The answer for a valid token: who it belongs to and what they may do. */
export const TokenValidationSchema = z.object({
  valid: z.literal(true),
  user: z.object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    role: RoleSchema,
    /** Their avatar, so services that show the person keep it current (absent from older answers). */
    avatarUrl: z.string().nullable().optional(),
  }),
  permissions: z.array(PermissionSchema),
  expiresAt: TimestampSchema,
  /**
   * `session`: an access token from sign-in, with its role's permissions. `personal`: a personal
   * access token, with its scopes' permissions narrowed to what its owner's role allows now.
   * Absent from older answers (a session).
   */
  tokenKind: z.enum(["session", "personal"]).optional(),
  /** A personal access token's scopes. */
  scopes: z.array(ScopeSchema).optional(),
});
/** The answer for a valid token. */
export type TokenValidation = z.infer<typeof TokenValidationSchema>;

/**
 * `PATCH /users/me` body: name, bio, neighbourhood, or a new email or password with the current
 * password. An empty (or null) bio or neighbourhood clears it.
 */
export const UpdateMeBodySchema = z
  .strictObject({
    name: NameSchema.optional(),
    bio: profileText(FIELD_LIMITS.bio),
    neighbourhood: profileText(FIELD_LIMITS.neighbourhood),
    email: EmailSchema.optional(),
    password: PasswordSchema.optional(),
    currentPassword: z.string().min(1).max(256).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "must change something")
  // Whoever holds a session must not be able to take the account over with it: a new sign-in
  // address or password needs the current password too.
  .refine(
    (body) => (body.password === undefined && body.email === undefined) || body.currentPassword !== undefined,
    { message: "is required to change the email address or the password", path: ["currentPassword"] },
  );
/** `PATCH /users/me` body. */
export type UpdateMeBody = z.input<typeof UpdateMeBodySchema>;

/** `DELETE /users/me` body: deleting the account needs the current password. */
export const DeleteMeBodySchema = z.strictObject({ currentPassword: z.string().min(1).max(256) });
/** `DELETE /users/me` body. */
export type DeleteMeBody = z.input<typeof DeleteMeBodySchema>;

/** Why an admin did something: kept in the audit log beside who did what and when. */
const AdminReasonSchema = z.string().trim().min(1, "must not be empty").max(FIELD_LIMITS.moderationNote);

/** `PATCH /users/:id` body (admins only), with why, for the audit log. */
export const UpdateRoleBodySchema = z.strictObject({
  role: RoleSchema,
  reason: AdminReasonSchema.optional(),
});
/** `PATCH /users/:id` body. */
export type UpdateRoleBody = z.input<typeof UpdateRoleBodySchema>;

/**
 * The body an admin may send with an action that takes no other input (`DELETE /users/:id`,
 * `DELETE /items/:id` on someone else's item, `POST /loans/:id/cancel` on someone else's loan): why,
 * for the audit log. The body is optional; an absent one records no reason.
 */
export const AdminReasonBodySchema = z.strictObject({ reason: AdminReasonSchema.optional() }).optional();
/** The optional why of an admin action. */
export type AdminReasonBody = z.input<typeof AdminReasonBodySchema>;

/**
 * `POST /users/:id/suspend` body: why (told to nobody but admins and the audit log), and the report
 * that led to it, if one did.
 */
export const SuspendUserBodySchema = z.strictObject({
  reason: AdminReasonSchema,
  reportId: IdSchema.optional(),
});
/** `POST /users/:id/suspend` body. */
export type SuspendUserBody = z.input<typeof SuspendUserBodySchema>;

/** `GET /users` query. */
export const ListUsersQuerySchema = PageQuerySchema.extend({ q: z.string().trim().max(100).optional() });
/** `GET /users` query. */
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>;

/** The message a revocation event carries on the `revocations` channel. */
export const RevocationEventSchema = z.object({
  userId: IdSchema,
  tokenHashes: z.array(z.string()),
  /**
   * Why. `user_suspended` revokes every token of the account and tells the other services to hide
   * what the person shows (their items); `user_unsuspended` revokes nothing (`tokenHashes` is empty)
   * and tells them to show it again.
   */
  reason: z.enum([
    "logout",
    "role_changed",
    "user_deleted",
    "session_revoked",
    "password_changed",
    "user_suspended",
    "user_unsuspended",
    "token_revoked",
  ]),
});
/** A revocation event. */
export type RevocationEvent = z.infer<typeof RevocationEventSchema>;

/** A one-time token from an emailed link (`?token=`). */
const EmailTokenSchema = z
  .string()
  .min(16)
  .max(256)
  .regex(/^[A-Za-z0-9_-]+$/, "must be a token");

/** `POST /auth/verify-email` body. */
export const VerifyEmailBodySchema = z.strictObject({ token: EmailTokenSchema });

/** `POST /auth/password-reset/request` body. */
export const PasswordResetRequestBodySchema = z.strictObject({ email: EmailSchema });

/** `POST /auth/password-reset` body. */
export const PasswordResetBodySchema = z.strictObject({ token: EmailTokenSchema, password: PasswordSchema });
