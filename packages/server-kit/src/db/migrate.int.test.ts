import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../testing/test-database.ts";
import { applyMigrations } from "./migrate.ts";

// Migrations go through the WebAssembly schema engine and our driver adapter, on real PostgreSQL.

const prismaDir = mkdtempSync(join(tmpdir(), "sharehood-migrate-"));
writeFileSync(join(prismaDir, "schema.prisma"), 'datasource db {\n  provider = "postgresql"\n}\n');
mkdirSync(join(prismaDir, "migrations"));
writeFileSync(join(prismaDir, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');

function addMigration(name: string, sql: string): void {
  mkdirSync(join(prismaDir, "migrations", name));
  writeFileSync(join(prismaDir, "migrations", name, "migration.sql"), sql);
}

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let client: pg.Client;
beforeAll(async () => {
  database = await createTestDatabase({ name: "migrate", prismaDir });
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
  rmSync(prismaDir, { recursive: true, force: true });
});

describe("applying migrations", () => {
  it("applies a script whose function bodies and comments contain semicolons", async () => {
    addMigration(
      "1_trigger",
      `-- A counter; kept by a trigger.
CREATE TABLE things (id int PRIMARY KEY);
CREATE TABLE thing_count (n int NOT NULL);
INSERT INTO thing_count VALUES (0);
CREATE FUNCTION count_things() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE thing_count SET n = n + 1; -- one more; always
  RETURN NULL;
END
$$;
CREATE TRIGGER things_counted AFTER INSERT ON things FOR EACH ROW EXECUTE FUNCTION count_things();
`,
    );
    expect(await applyMigrations({ databaseUrl: database.url, prismaDir })).toEqual(["1_trigger"]);
    await client.query("INSERT INTO things VALUES (1), (2)");
    expect((await client.query("SELECT n FROM thing_count")).rows).toEqual([{ n: 2 }]);
  });

  it("applies a failing migration not at all, and names the error", async () => {
    addMigration("2_broken", "CREATE TABLE half_done (id int);\nSELECT no_such_function();\n");
    await expect(applyMigrations({ databaseUrl: database.url, prismaDir })).rejects.toThrow(
      /no_such_function/,
    );
    const { rows } = await client.query("SELECT to_regclass('half_done') AS t");
    expect(rows).toEqual([{ t: null }]);
  });
});
