// `npm run db:seed`: adds the demo neighbours (password "sharehood-demo") to DATABASE_URL, or to
// the embedded database when the service is not running. Safe to run twice.
import { createLogger, prepareDatabase } from "@sharehood/server-kit";
import { PRISMA_DIR, SERVICE } from "../app.ts";
import { createDb } from "../db.ts";
import { loadConfig } from "../env.ts";
import { seedDemoUsers } from "../modules/users/demo-users.ts";
import { createUsersRepository } from "../modules/users/users.repository.ts";

const config = loadConfig();
const logger = createLogger(SERVICE, config.LOG_LEVEL);
const database = await prepareDatabase({
  service: SERVICE,
  databaseUrl: config.DATABASE_URL,
  dataDir: config.DATA_DIR,
  prismaDir: PRISMA_DIR,
  migrate: true,
  logger,
});
const db = createDb(database.url);
const created = await seedDemoUsers(createUsersRepository(db));
logger.info({ created }, created.length ? "demo users created" : "demo users already there");
await db.$disconnect();
await database.stop();
