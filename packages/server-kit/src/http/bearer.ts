import type { Request } from "express";
import { unauthenticated } from "../app-error.ts";

/** The token of an `Authorization: Bearer <token>` header; 401 when it is missing or malformed. */
export function bearerToken(req: Request): string {
  const match = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(req.headers.authorization ?? "");
  if (!match?.[1]) throw unauthenticated("Send an access token as Authorization: Bearer <token>");
  return match[1];
}
