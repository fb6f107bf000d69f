// `npm run db:seed`: adds the demo neighbours (password "sharehood-demo") to DATABASE_URL, or to
// the embedded database (with the demo admin) when the service is not running. Safe to run twice.
import { createLogger, prepareDatabase } from "@sharehood/server-kit";
import { PRISMA_DIR, SERVICE } from "../app.ts";
import { createDb } from "../db.ts";
import { loadConfig } from "../env.ts";
import { seedDemoUsers } from "../modules/users/demo-users.ts";
import { createUsersRepository } from "../modules/users/users.repository.ts";

const config = loadConfig();
if (config.DATABASE_URL && config.NODE_ENV === "production" && !config.ALLOW_DEMO_DATA_IN_PRODUCTION) {
  process.stderr.write(
    "Refusing to add demo users (public passwords) with NODE_ENV=production; set ALLOW_DEMO_DATA_IN_PRODUCTION=true to insist.\n",
  );
  process.exit(1);
}
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
// The demo admin only on the embedded database: never an admin with a public password elsewhere.
const created = await seedDemoUsers(createUsersRepository(db), { withAdmin: !config.DATABASE_URL });
logger.info({ created }, created.length ? "demo users created" : "demo users already there");
await db.$disconnect();
await database.stop();
