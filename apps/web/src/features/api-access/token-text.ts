import type { AccessToken } from "@sharehood/sdk/contract";
import { formatDate, formatTimestamp } from "@/features/items/dates";
import { ageText } from "@/features/moderation/age";

const DAY_MS = 86_400_000;

/** The expiry choices of the new-token form, shortest first; `never` makes a token without one. */
export const EXPIRY_CHOICES = [
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
  { value: "never", label: "No expiry" },
] as const;

/** One of `EXPIRY_CHOICES`' values. */
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]["value"];

/** The choice the form starts with: a month, long enough to be useful, short enough to lapse. */
export const DEFAULT_EXPIRY: ExpiryChoice = "30";

/**
 * The `expiresAt` a choice asks the User API for: that many days from now, or null for no
 * expiry; undefined for anything that is not one of the choices (a tampered form).
 */
export function expiresAtFor(choice: string, now = Date.now()): string | null | undefined {
  if (choice === "never") return null;
  if (!EXPIRY_CHOICES.some((option) => option.value === choice)) return undefined;
  return new Date(now + Number(choice) * DAY_MS).toISOString();
}

/** How a token is recognised in a list: "shp_abcd…" (the secret's first characters, never more). */
export function prefixText(prefix: string): string {
  return `${prefix}…`;
}

/** Whether a token's expiry has passed: the User API refuses it from then on. */
export function isExpired(token: Pick<AccessToken, "expiresAt">, now = Date.now()): boolean {
  return token.expiresAt !== null && Date.parse(token.expiresAt) <= now;
}

/** "Expires 4 Jul 2026", "Expired 4 Jul 2026" or "Never expires". */
export function expiryText(token: Pick<AccessToken, "expiresAt">, now = Date.now()): string {
  if (token.expiresAt === null) return "Never expires";
  const day = formatDate(token.expiresAt.slice(0, 10));
  return isExpired(token, now) ? `Expired ${day}` : `Expires ${day}`;
}

/**
 * When and from where a token was last used, in the largest whole unit: "Last used 3 minutes
 * ago from 203.0.113.7", "Last used just now", or "Never used".
 */
export function lastUsedText(
  token: Pick<AccessToken, "lastUsedAt" | "lastUsedFrom">,
  now = Date.now(),
): string {
  if (!token.lastUsedAt) return "Never used";
  const from = token.lastUsedFrom ? ` from ${token.lastUsedFrom}` : "";
  return `Last used ${ageText(token.lastUsedAt, now)}${from}`;
}

/** The exact moment of the last use, for a tooltip beside the rounded wording. */
export function lastUsedTitle(token: Pick<AccessToken, "lastUsedAt">): string | undefined {
  return token.lastUsedAt ? formatTimestamp(token.lastUsedAt) : undefined;
}
