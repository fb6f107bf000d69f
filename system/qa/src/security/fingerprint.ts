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
 * Each database's tables, read once: only migrations create tables in `public`, and they ran
 * before the stack started (pg-boss keeps its tables in a schema of its own).
 */
const tablesOf = new WeakMap<SqlClient, Promise<string[]>>();

function listTables(db: SqlClient): Promise<string[]> {
  let tables = tablesOf.get(db);
  if (!tables) {
    tables = db
      .$queryRawUnsafe<{ name: string }[]>(
        `SELECT table_name AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'
          ORDER BY table_name`,
      )
      .then((rows) => rows.map((row) => row.name));
    tablesOf.set(db, tables);
  }
  return tables;
}

/**
 * A digest of every row of every table of a database (migrations bookkeeping aside): equal
 * fingerprints before and after a request mean the request changed nothing at all, whatever
 * table a careless handler might have written to. `skip` names tables only background workers
 * write (never a request), which change on their own while a test runs, as UPKEEP_TABLES always
 * are; the columns in WORKER_COLUMNS are left out of every row.
 *
 * One statement digests every table: the security suites fingerprint before and after each
 * request they send, and a query per table made that most of their time.
 */
export async function fingerprint(
  db: SqlClient,
  skip: readonly string[] = [],
): Promise<Record<string, string>> {
  const names = (await listTables(db)).filter(
    (name) => !skip.includes(name) && !UPKEEP_TABLES.includes(name),
  );
  if (names.length === 0) return {};
  const row = `(to_jsonb(t) - $1::text[])::text`;
  const digests = await db.$queryRawUnsafe<{ name: string; rows: number; digest: string }[]>(
    names
      .map(
        (name) =>
          `SELECT '${name.replace(/'/g, "''")}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS digest FROM "${name.replace(/"/g, "")}" t`,
      )
      .join("\nUNION ALL\n"),
    WORKER_COLUMNS,
  );
  const byName = new Map(digests.map((d) => [d.name, d]));
  const out: Record<string, string> = {};
  for (const name of names) {
    const digest = byName.get(name);
    out[name] = `${digest?.rows ?? 0} rows, ${digest?.digest ?? ""}`;
  }
  return out;
}
