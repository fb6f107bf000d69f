import type { z } from "zod";
import { AppError } from "./app-error.ts";
import { findNul } from "./http/validate.ts";

/** Encodes a keyset position (the sort values of the last row) as an opaque cursor. */
export function encodeCursor(position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(position)).toString("base64url");
}

/** Decodes a cursor made by `encodeCursor`, checked against the position's shape; a tampered one is a 400. */
export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  try {
    const position: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // A forged cursor can smuggle what the query-string check never saw, such as a NUL character.
    if (findNul(position)) throw new Error("NUL in cursor");
    return schema.parse(position);
  } catch {
    throw new AppError("validation_failed", "The cursor is not valid", {
      errors: [{ path: "query.cursor", message: "is not a cursor this API issued" }],
    });
  }
}
