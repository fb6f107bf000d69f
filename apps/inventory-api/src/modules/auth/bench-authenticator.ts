import type { Request } from "express";
import { PERMISSIONS_BY_ROLE } from "@sharehood/sdk";
import type { Logger } from "@sharehood/server-kit";
import type { Caller } from "./caller.ts";
import type { OwnersRepository } from "../owners/owners.repository.ts";

const BENCH_USER = { id: "bench-user", email: "bench@example.com", name: "Bench", role: "user" as const };

/**
 * Benchmarks only (BENCH_SKIP_AUTH, refused in production): every request acts as one fixed user,
 * so a benchmark can measure what token validation adds to a write.
 */
export function benchAuthenticator(owners: OwnersRepository, logger: Logger) {
  logger.warn("BENCH_SKIP_AUTH is set: requests are NOT authenticated");
  let remembered: Promise<boolean> | undefined;
  return async (_req: Request): Promise<Caller> => {
    remembered ??= owners.remember(BENCH_USER.id, BENCH_USER.name);
    await remembered;
    return { user: BENCH_USER, permissions: PERMISSIONS_BY_ROLE.user };
  };
}
