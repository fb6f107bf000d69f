/** Anything that can run raw SQL: both services' Prisma clients. */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

/**
 * Columns that only background work sets on rows a request wrote earlier: the event relay marks
 * an outbox row published whenever it gets to it, perhaps in the middle of a later test.
 */
const WORKER_COLUMNS = ["published_at"];

/** Tables of every service that only its periodic upkeep writes: a replica claims each period there. */
const UPKEEP_TABLES = ["periodic_runs"];

/**
 * A digest of every row of every table of a database (migrations bookkeeping aside): equal
 * fingerprints before and after a request mean the request changed nothing at all, whatever
 * table a careless handler might have written to. `skip` names tables only background workers
 * write (never a request), which change on their own while a test runs, as UPKEEP_TABLES always
 * are; the columns in WORKER_COLUMNS are left out of every row.
 */
export async function fingerprint(
  db: SqlClient,
  skip: readonly string[] = [],
): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
      ORDER BY table_name`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables.filter((t) => !skip.includes(t.name) && !UPKEEP_TABLES.includes(t.name))) {
    const [row] = await db.$queryRawUnsafe<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg((to_jsonb(t) - $1::text[])::text, '|' ORDER BY (to_jsonb(t) - $1::text[])::text), '')) AS digest FROM "${name.replace(/"/g, "")}" t`,
      WORKER_COLUMNS,
    );
    out[name] = `${row?.rows ?? 0} rows, ${row?.digest ?? ""}`;
  }
  return out;
}
