import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client.ts";

export type Db = PrismaClient;

/** A transaction's client, as `db.$transaction(async (tx) => …)` hands it over. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** The Prisma client over node-postgres (no query engine binary). */
export function createDb(databaseUrl: string): Db {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl, max: 10, connectionTimeoutMillis: 5_000 }),
  });
}
