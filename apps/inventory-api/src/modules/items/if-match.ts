import { AppError } from "@sharehood/server-kit";

/**
 * The version an `If-Match` header insists on: undefined when absent (or `*`), else the number in
 * the strong ETag `"<version>"`. Anything else can never match, so it is a 412 straight away.
 */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === "*") return undefined;
  const match = /^\s*"(\d{1,9})"\s*$/.exec(header);
  if (!match?.[1]) throw stale();
  return Number(match[1]);
}

export const stale = () =>
  new AppError(
    "precondition_failed",
    "The item changed since you loaded it (If-Match does not match its ETag). Reload and try again.",
  );
