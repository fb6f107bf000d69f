import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;
export { Prisma } from "./generated/prisma/client.ts";

/** The Prisma client over node-postgres (no query engine binary). */
export function createDb(databaseUrl: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }),
  });
}

/** The PostgreSQL error code of a failed query, wherever the driver adapter put it. */
export function sqlStateOf(error: unknown): string | undefined {
  const e = error as {
    code?: unknown;
    meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
    cause?: { code?: unknown };
  };
  const candidates = [
    e?.meta?.driverAdapterError?.cause?.originalCode,
    e?.meta?.code,
    e?.cause?.code,
    e?.code,
  ];
  return candidates.find((c): c is string => typeof c === "string" && /^[0-9A-Z]{5}$/.test(c));
}
