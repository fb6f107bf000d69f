import { randomBytes } from "node:crypto";

export { hashToken } from "@sharehood/server-kit";

/** A new opaque token: 256 random bits, with a prefix that tells people (and secret scanners) what it is. */
export function generateToken(kind: "access" | "refresh"): string {
  return `${kind === "access" ? "sha" : "shr"}_${randomBytes(32).toString("base64url")}`;
}
