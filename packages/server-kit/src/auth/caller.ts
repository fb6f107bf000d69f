import type { Permission, TokenValidation } from "@sharehood/sdk";

/** Who is making a request, as the User API told us. */
export interface Caller {
  user: TokenValidation["user"];
  permissions: readonly Permission[];
}

/** A caller with what a long-lived response (a stream) needs to end when the token does. */
export interface AuthenticatedCaller extends Caller {
  /** The SHA-256 of the bearer token: revocations name tokens by it. */
  tokenHash: string;
  /** When the token expires (ISO 8601). */
  expiresAt: string;
}

/** Whether the caller's token grants `permission`. */
export const can = (caller: Caller, permission: Permission): boolean =>
  caller.permissions.includes(permission);
