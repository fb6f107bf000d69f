import { PERMISSIONS_BY_ROLE } from "@sharehood/sdk";
import type { InventoryApiOverrides } from "@sharehood/inventory-api/app";

const BENCH_USER = { id: "bench-user", email: "bench@example.com", name: "Bench", role: "user" as const };

/**
 * Benchmarks only: every request acts as one fixed user, so a benchmark can measure what token
 * validation adds to a write. It lives here, not in the Inventory API, so no production build can
 * switch authentication off.
 */
export const skipAuthAuthenticator: NonNullable<InventoryApiOverrides["authenticate"]> = ({
  owners,
  logger,
}) => {
  logger.warn("benchmark variant: requests are NOT authenticated");
  let remembered: Promise<boolean> | undefined;
  return async () => {
    remembered ??= owners.remember(BENCH_USER.id, BENCH_USER.name);
    await remembered;
    return { user: BENCH_USER, permissions: PERMISSIONS_BY_ROLE.user };
  };
};
