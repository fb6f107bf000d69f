import { mkdir, writeFile } from "node:fs/promises";
import { ADMIN, startStack, type TestStack } from "../stack.ts";
import { ALL_ROUTES, type Service } from "../routes.ts";
import { fuzzConfig, FUZZ_SHARES } from "./config.ts";
import { describeReport, runFuzz, type FuzzReport } from "./run-fuzz.ts";
import { FuzzWorld } from "./world.ts";

/**
 * The fuzz stack: the real services, with the per-IP limits raised so registrations keep working,
 * and a patient token check, so a loaded CI machine shows up as slowness rather than as the 503
 * the Inventory API rightly answers when the User API is late (tests/faults covers that path).
 * Photo uploads get the same treatment: no hourly limit (its 429 would end upload coverage early)
 * and a long decode line (a burst would meet its rightful 503); photo-limits.int.test.ts covers both.
 * The Notification API gets the same patient token check, and room for the streams the run opens.
 */
export function startFuzzStack(name: string): Promise<TestStack> {
  return startStack(name, {
    users: { REGISTER_MAX_PER_IP: "1000000", LOGIN_MAX_FAILURES_PER_IP: "1000000" },
    inventory: {
      USER_API_TIMEOUT_MS: "15000",
      PHOTO_UPLOADS_PER_HOUR: "1000000",
      PHOTO_MAX_QUEUED_DECODES: "1000",
    },
    notifications: { USER_API_TIMEOUT_MS: "15000", STREAMS_PER_PERSON: "100" },
  });
}

/** Sets up a world on the stack and fuzzes one service's routes with this file's share of requests. */
export async function fuzzService(
  stack: TestStack,
  service: Service,
): Promise<{ report: FuzzReport; world: FuzzWorld; summary: string }> {
  const config = fuzzConfig();
  const world = new FuzzWorld(
    { users: stack.users.url, inventory: stack.inventory.url, notifications: stack.notifications.url },
    ADMIN,
    stack.smtp,
  );
  await world.setUp({
    throwaways: 12,
    // Loans to act on, and for the Notification API what they become: notifications and emails.
    items: service !== "users",
    notifications: service === "notifications",
    expire: async (identity) => {
      await stack.users.api.db.token.updateMany({
        where: { userId: identity.id, kind: "access" },
        data: { expiresAt: new Date(Date.now() - 60_000) },
      });
    },
  });
  const routes = ALL_ROUTES.filter((r) => r.service === service);
  // Each service gets its own seed derived from the run's, so the files explore differently.
  const seed = config.seed + { users: 0, inventory: 1, notifications: 2 }[service];
  const report = await runFuzz({
    service,
    routes,
    world,
    seed,
    requests: Math.ceil(config.requests * FUZZ_SHARES[service]),
    concurrency: config.concurrency,
  });
  const summary = describeReport(
    { users: "user-api", inventory: "inventory-api", notifications: "notification-api" }[service],
    report,
    config.concurrency,
  );
  // The whole list, for whoever has to fix what the summary shows.
  await mkdir(".test-results", { recursive: true });
  await writeFile(
    `.test-results/fuzz-${service}-violations.json`,
    JSON.stringify(report.violations, null, 2),
  );
  console.log(
    `${summary}\n  (run seed FUZZ_SEED=${config.seed}; set-up and healing requests: ${world.setupRequests}; healing: ${world.healed.length === 0 ? "none needed" : world.healed.slice(0, 5).join("; ")})`,
  );
  return { report, world, summary };
}
