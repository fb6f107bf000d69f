import type { UserConfig } from "vitest/config";

/**
 * Shared vitest settings; `overrides` replace keys of `test`. With `serial` (globs), the other files
 * run two at a time first, then those one at a time.
 */
export function defineTestConfig(
  overrides?: NonNullable<UserConfig["test"]>,
  options?: { serial?: string[] },
): UserConfig;
