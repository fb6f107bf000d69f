import type { UserConfig } from "vitest/config";

/** Shared vitest settings; `overrides` replace keys of `test`. */
export function defineTestConfig(overrides?: NonNullable<UserConfig["test"]>): UserConfig;
