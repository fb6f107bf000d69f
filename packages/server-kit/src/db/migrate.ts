import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { withSchemaEngine } from "./schema-engine.ts";

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Reads `prisma/migrations/*` the way `prisma migrate deploy` does. */
export async function readMigrations(migrationsDir: string): Promise<MigrationList> {
  const baseDir = resolve(migrationsDir);
  const names = existsSync(baseDir)
    ? (await readdir(baseDir, { withFileTypes: true }))
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort()
    : [];
  const lockPath = join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: {
      path: "migration_lock.toml",
      content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null,
    },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(join(baseDir, name, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/**
 * Applies every pending migration and records it in `_prisma_migrations`, the table
 * `prisma migrate deploy` uses. Returns the names just applied.
 */
export async function applyMigrations(options: {
  databaseUrl: string;
  prismaDir: string;
}): Promise<string[]> {
  const migrationsList = await readMigrations(join(options.prismaDir, "migrations"));
  return withSchemaEngine(options.databaseUrl, join(options.prismaDir, "schema.prisma"), async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return appliedMigrationNames;
  });
}

/**
 * The SQL that takes the schema of the newest migration to the current schema.prisma (empty when
 * they agree). Each migration folder keeps a snapshot of the schema it was made from, so the diff
 * is datamodel to datamodel and needs no shadow database.
 */
export async function diffMigrations(options: { databaseUrl: string; prismaDir: string }): Promise<string> {
  const schemaPath = join(options.prismaDir, "schema.prisma");
  const { baseDir, migrationDirectories } = await readMigrations(join(options.prismaDir, "migrations"));
  const latest = migrationDirectories.at(-1);
  const snapshotPath = latest ? join(baseDir, latest.path, SNAPSHOT) : undefined;
  if (snapshotPath && !existsSync(snapshotPath))
    throw new Error(`${snapshotPath} is missing: cannot tell what changed`);
  const from = snapshotPath
    ? {
        tag: "schemaDatamodel" as const,
        files: [{ path: snapshotPath, content: await readFile(snapshotPath, "utf8") }],
      }
    : { tag: "empty" as const };
  const result = await withSchemaEngine(options.databaseUrl, schemaPath, (engine, datamodel) =>
    engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: datamodel }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    }),
  );
  return result.stdout ?? "";
}

/** The copy of schema.prisma kept in each migration folder. */
export const SNAPSHOT = "schema.prisma";

/**
 * `db:diff`: writes `migrations/<timestamp>_<name>/migration.sql` with the SQL that takes the newest
 * migration's schema snapshot to the current schema.prisma, and snapshots the schema beside it.
 */
export async function writeMigrationDiff(prismaDir: string, name: string): Promise<string | undefined> {
  // The engine wants a connection even for a datamodel-to-datamodel diff; it runs no query on it.
  const databaseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const sql = await diffMigrations({ databaseUrl, prismaDir });
  if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
    console.log("schema.prisma and the migrations agree: nothing to write");
    return undefined;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(prismaDir, "migrations", `${stamp}_${name.replace(/[^a-z0-9_]/gi, "_")}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync(join(prismaDir, "schema.prisma"), join(dir, SNAPSHOT));
  writeFileSync(join(prismaDir, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`wrote ${dir}/migration.sql`);
  return dir;
}
