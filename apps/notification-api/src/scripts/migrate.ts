// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
// pg-boss creates and migrates its own `pgboss` schema when the service starts.
import { runMigrateCommand } from "@sharehood/server-kit";
import { PRISMA_DIR, SERVICE } from "../app.ts";

await runMigrateCommand(SERVICE, PRISMA_DIR);
