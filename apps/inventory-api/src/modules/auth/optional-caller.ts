import type { Request } from "express";
import type { Authenticate } from "./authenticator.ts";
import type { Caller } from "./caller.ts";

/** Who is asking a public read, when they sent a token (undefined when they did not, or it failed). */
export type OptionalCaller = (req: Request) => Promise<Caller | undefined>;

/**
 * Public reads need no token, but an owner or an admin reading a hidden item sends theirs. A token
 * that cannot be checked (invalid, or the User API down) makes them an anonymous reader: a public
 * read must keep working, and the anonymous answer reveals nothing.
 */
export function createOptionalCaller(authenticate: Authenticate): OptionalCaller {
  return async (req) => {
    if (!req.headers.authorization) return undefined;
    return authenticate(req).catch(() => undefined);
  };
}
