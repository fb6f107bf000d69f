import { z } from "zod";
import { describe, expect, it } from "vitest";
import { AppError } from "./app-error.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";

const Position = z.tuple([z.string(), z.string()]);

describe("cursors", () => {
  it("round-trip a keyset position", () => {
    expect(decodeCursor(encodeCursor(["2026-01-01T00:00:00.000Z", "id-1"]), Position)).toEqual([
      "2026-01-01T00:00:00.000Z",
      "id-1",
    ]);
  });

  it("refuse garbage, the wrong shape and smuggled NUL characters with a 400", () => {
    for (const cursor of [
      "garbage",
      encodeCursor([1, 2]),
      encodeCursor(["a\u0000b", "id"]),
      Buffer.from("{}").toString("base64url"),
    ]) {
      const error = (() => {
        try {
          decodeCursor(cursor, Position);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
    }
  });
});
