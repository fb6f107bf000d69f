import type { Permission, TokenValidation } from "@sharehood/sdk";

/** Who is making a request, as established from their access token. */
export interface Caller {
  user: TokenValidation["user"];
  permissions: readonly Permission[];
  sessionId: string;
  tokenHash: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
}
