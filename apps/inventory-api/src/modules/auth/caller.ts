import type { Permission, TokenValidation } from "@sharehood/sdk";

/** Who is making a request, as the User API told us. */
export interface Caller {
  user: TokenValidation["user"];
  permissions: readonly Permission[];
}

export const can = (caller: Caller, permission: Permission): boolean =>
  caller.permissions.includes(permission);
