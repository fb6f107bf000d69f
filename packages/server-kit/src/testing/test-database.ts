import pg from "pg";
import { applyMigrations } from "../db/migrate.ts";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);
const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * The guard every test passes through: tests drop and create databases, so they refuse to run
 * against anything but a server on this machine.
 */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(
      `Refusing to run tests against a non-local database (${host}). Point TEST_DATABASE_URL at localhost.`,
    );
  }
}

/** The URL of database `name` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer(serverUrl: string, run: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops and creates databases with fixed names (the end-to-end suite's, which its services
 * migrate on start). Only names starting `sharehood_e2e_` or `sharehood_test_` are touched.
 */
export async function recreateDatabases(serverUrl: string, names: readonly string[]): Promise<void> {
  assertLocalDatabase(serverUrl);
  for (const name of names)
    if (!/^sharehood_(e2e|test)_[a-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  await onServer(serverUrl, async (client) => {
    for (const name of names) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`CREATE DATABASE "${name}"`);
    }
  });
}

/**
 * Creates a fresh database for one test file (so files can run in parallel), migrates it, and
 * answers its URL and a function that drops it.
 */
export async function createTestDatabase(options: {
  name: string;
  prismaDir: string;
  adminUrl?: string;
}): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = options.adminUrl ?? process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const database = `sharehood_test_${options.name.replace(/[^a-z0-9_]/gi, "_").toLowerCase()}_${process.pid}`;
  await recreateDatabases(adminUrl, [database]);
  const url = databaseUrl(adminUrl, database);
  await applyMigrations({ databaseUrl: url, prismaDir: options.prismaDir });
  return {
    url,
    drop: () =>
      onServer(
        adminUrl,
        async (client) => void (await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)),
      ),
  };
}

/** The Redis URL tests use; each test file isolates itself with its own key namespace. */
export function testRedisUrl(): string {
  return process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
}
