import type { Service } from "../routes.ts";

/** The fuzz run's knobs, from the environment, with CI's defaults. */
export interface FuzzConfig {
  seed: number;
  /** Requests across the whole fuzz run (split between the services' files). */
  requests: number;
  concurrency: number;
}

const DEFAULT_SEED = 20_260_401;
const DEFAULT_REQUESTS = 12_000;
const DEFAULT_CONCURRENCY = 8;

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** FUZZ_SEED (any integer; `random` picks one), FUZZ_REQUESTS, FUZZ_CONCURRENCY. */
export function fuzzConfig(): FuzzConfig {
  const rawSeed = process.env.FUZZ_SEED;
  const seed =
    rawSeed === "random"
      ? Math.floor(Math.random() * 2 ** 31)
      : rawSeed === undefined || rawSeed === ""
        ? DEFAULT_SEED
        : Number(rawSeed);
  if (!Number.isInteger(seed)) throw new Error(`FUZZ_SEED must be an integer or "random", got "${rawSeed}"`);
  return {
    seed,
    requests: positiveInt("FUZZ_REQUESTS", DEFAULT_REQUESTS),
    concurrency: positiveInt("FUZZ_CONCURRENCY", DEFAULT_CONCURRENCY),
  };
}

/**
 * Each service's share of FUZZ_REQUESTS (one test file each), about in proportion to its routes:
 * the Notification API has nine, and no path parameters to vary.
 */
export const FUZZ_SHARES: Record<Service, number> = {
  users: 5 / 12,
  inventory: 5 / 12,
  notifications: 2 / 12,
};
