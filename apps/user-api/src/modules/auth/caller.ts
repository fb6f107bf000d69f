import type { Permission, TokenValidation } from "@sharehood/sdk";

/** Who is making a request, as established from their access token. */
export interface Caller {
  user: TokenValidation["user"];
  permissions: readonly Permission[];
  /** The session of a sign-in's token; null for a personal access token. */
  sessionId: string | null;
  tokenKind: "session" | "personal";
  /** A personal access token's scopes. */
  scopes?: TokenValidation["scopes"];
  tokenHash: string;
  /** When the access token expires (ISO 8601). */
  expiresAt: string;
}
