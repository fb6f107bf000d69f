import { InvalidArgumentError } from "commander";

// Parsers for option values: a wrong value is a usage error (exit 2) before any request is sent.

/** A page size: a whole number from 1 to 100. */
export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new InvalidArgumentError("must be a whole number from 1 to 100.");
  return limit;
}

/** A positive number (a radius in km, an interval in seconds). */
export function parsePositive(value: string): number {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError("must be a positive number.");
  return number;
}

/** `<lat>,<lng>` in degrees. */
export function parsePoint(value: string): { lat: number; lng: number } {
  const match = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  const lat = Number(match?.[1]);
  const lng = Number(match?.[2]);
  if (!match || Math.abs(lat) > 90 || Math.abs(lng) > 180)
    throw new InvalidArgumentError('must be "<latitude>,<longitude>", such as 51.5072,-0.1276.');
  return { lat, lng };
}

/** Repeatable, comma-separated values (`--scope a --scope b,c`) gathered into one list. */
export function collect(value: string, previous: string[] = []): string[] {
  const parts = value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new InvalidArgumentError("must not be empty.");
  return [...previous, ...parts];
}

/** One of a fixed list of words. */
export function oneOf<const T extends string>(choices: readonly T[]) {
  return (value: string): T => {
    if (!(choices as readonly string[]).includes(value))
      throw new InvalidArgumentError(`must be one of: ${choices.join(", ")}.`);
    return value as T;
  };
}

/**
 * An expiry: a date (`2026-12-31`), a timestamp, or a number of days from now (`30d`), as an ISO
 * timestamp.
 */
export function parseExpiry(value: string, now: number = Date.now()): string {
  const days = /^(\d{1,3})d$/.exec(value.trim());
  if (days) return new Date(now + Number(days[1]) * 86_400_000).toISOString();
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? `${value.trim()}T23:59:59Z` : value);
  if (Number.isNaN(time))
    throw new InvalidArgumentError('must be a date (2026-12-31), a timestamp, or days from now ("30d").');
  return new Date(time).toISOString();
}
