import { join } from "node:path";
import { BaseEnvSchema, loadEnv } from "../env.ts";
import { createLogger, type Logger } from "../logger.ts";
import { startEmbeddedPostgres } from "./embedded-postgres.ts";
import { applyMigrations } from "./migrate.ts";

/**
 * Gives a service its database: the configured DATABASE_URL, or the embedded PGlite under
 * `<dataDir>/<service>/pg` when none is set. Pending migrations are applied when `migrate` is true
 * (always on the embedded default, where no separate migration step exists).
 */
export async function prepareDatabase(options: {
  service: string;
  databaseUrl: string | undefined;
  dataDir: string;
  prismaDir: string;
  migrate: boolean;
  logger: Logger;
}): Promise<{ url: string; stop: () => Promise<void> }> {
  let url = options.databaseUrl;
  let stop = () => Promise.resolve();
  if (!url) {
    const dir = join(options.dataDir, options.service, "pg");
    const embedded = await startEmbeddedPostgres({ dataDir: dir });
    options.logger.info({ dataDir: dir }, "no DATABASE_URL: using embedded PGlite");
    url = embedded.url;
    stop = () => embedded.stop();
  }
  if (options.migrate || !options.databaseUrl) {
    const applied = await applyMigrations({ databaseUrl: url, prismaDir: options.prismaDir });
    if (applied.length > 0) options.logger.info({ applied }, "migrations applied");
  }
  return { url, stop };
}

/** The whole `db:migrate` command of a service: pending migrations onto DATABASE_URL (or the embedded database). */
export async function runMigrateCommand(service: string, prismaDir: string): Promise<void> {
  const env = loadEnv(BaseEnvSchema.loose(), process.env);
  const logger = createLogger(service, env.LOG_LEVEL);
  const database = await prepareDatabase({
    service,
    databaseUrl: env.DATABASE_URL,
    dataDir: env.DATA_DIR,
    prismaDir,
    migrate: true,
    logger,
  });
  await database.stop();
  logger.info("database is up to date");
}
