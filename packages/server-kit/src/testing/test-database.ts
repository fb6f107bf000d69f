import pg from "pg";
import { applyMigrations } from "../db/migrate.ts";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

/**
 * The guard every integration test passes through: tests drop and create databases, so they
 * refuse to run against anything but a server on this machine.
 */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run tests against a non-local database (${host}). Point TEST_DATABASE_URL at localhost.`,
    );
  }
}

/**
 * Creates a fresh database for one test file (so files can run in parallel), migrates it, and
 * returns its URL and a function that drops it.
 */
export async function createTestDatabase(options: {
  name: string;
  prismaDir: string;
  adminUrl?: string;
}): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl =
    options.adminUrl ?? process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  assertLocalDatabase(adminUrl);
  const database = `sharehood_test_${options.name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${database}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  await applyMigrations({ databaseUrl: url.toString(), prismaDir: options.prismaDir });
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).finally(() => client.end());
    },
  };
}

/** The Redis URL tests use; each test file isolates itself with its own key namespace. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}
