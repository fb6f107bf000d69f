// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { runMigrateCommand } from "@sharehood/server-kit";
import { PRISMA_DIR, SERVICE } from "../app.ts";

await runMigrateCommand(SERVICE, PRISMA_DIR);
