import pg from "pg";
import type { SqlExecutor } from "../outbox.ts";
import type { OutboxDatabase } from "../relay.ts";

// Server-kit has no Prisma client of its own: its event tests use this stand-in, which offers the
// raw tagged templates and interactive transactions the outbox needs, over node-postgres.

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

function sqlOf(strings: TemplateStringsArray): string {
  return strings.reduce((text, part, index) => `${text}$${index}${part}`);
}

function executor(client: Queryable): SqlExecutor {
  return {
    async $executeRaw(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await client.query(sqlOf(strings), values)).rowCount ?? 0;
    },
    async $queryRaw<T>(strings: TemplateStringsArray, ...values: unknown[]) {
      return (await client.query(sqlOf(strings), values)).rows as T;
    },
  };
}

/** A Prisma-shaped database over a pg pool, and a way to close it. */
export function pgDatabase(url: string): OutboxDatabase & { end(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 5 });
  return {
    ...executor(pool),
    async $transaction<R>(fn: (tx: SqlExecutor) => Promise<R>) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await fn(executor(client));
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}
