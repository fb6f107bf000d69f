import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { notificationApiService } from "@sharehood/notification-api/service";
import { createTestDatabase, type ProcessStack } from "@sharehood/test-stack";

/**
 * The Notification API as its production bundle beside a process stack's two APIs: the stack's
 * Redis and namespace (so it reads their event stream in its consumer group), the stack's User API
 * for tokens, and a fresh database of its own. With no SMTP_URL its emails become `.eml` files in a
 * temporary folder: SMTP outages are the email tests' business, and a real one here would only add
 * a process to kill by mistake. The stack's `close` stops the process; `close` here drops the rest.
 */
export async function startNotificationApi(stack: ProcessStack, name: string) {
  const [database, dataDir] = await Promise.all([
    createTestDatabase({ name: `${name}_notifications`, prismaDir: notificationApiService.prismaDir }),
    mkdtemp(join(tmpdir(), `sharehood-${name}-`)),
  ]);
  const process = await stack.start(
    notificationApiService.name,
    {
      REDIS_URL: stack.redisUrl,
      REDIS_NAMESPACE: stack.namespace,
      DATABASE_URL: database.url,
      USER_API_URL: stack.users.url,
      DATA_DIR: dataDir,
      // Required in production with a database: unsubscribe links must outlive the process.
      NOTIFICATION_SIGNING_SECRET: "resilience-suite-signing-secret-32-chars",
    },
    notificationApiService.bundle,
  );
  return {
    process,
    databaseUrl: database.url,
    async close(): Promise<void> {
      await process.stop("SIGKILL");
      await database.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
