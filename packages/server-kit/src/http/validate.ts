import type { z } from "zod";
import { AppError } from "../app-error.ts";

/** The path of the first string containing NUL, which PostgreSQL text columns cannot store. */
export function findNul(value: unknown, path: string[] = [], depth = 0): string[] | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? path : undefined;
  if (depth > 32 || value === null || typeof value !== "object") return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = key.includes("\u0000") ? [...path, key] : findNul(child, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Parses a request part with a contract schema, or throws a 400 listing every field problem. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  where: "body" | "query" | "params",
): z.output<S> {
  const nul = findNul(value);
  if (nul) {
    throw new AppError("validation_failed", `The request ${where} contains a NUL character`, {
      errors: [{ path: [where, ...nul].join("."), message: "must not contain NUL (\\u0000) characters" }],
    });
  }
  const result = schema.safeParse(value ?? (where === "body" ? undefined : {}));
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join("."),
    message:
      issue.code === "unrecognized_keys" ? `unknown field(s): ${issue.keys.join(", ")}` : issue.message,
  }));
  const detail =
    where === "body" && value === undefined ? "A JSON body is required" : `The request ${where} is not valid`;
  throw new AppError("validation_failed", detail, { errors });
}
