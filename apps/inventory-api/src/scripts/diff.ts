// `npm run db:diff -- <name>`: see apps/user-api/src/scripts/diff.ts; the same runner, this service's schema.
import { writeMigrationDiff } from "@sharehood/server-kit";
import { PRISMA_DIR } from "../app.ts";

await writeMigrationDiff(PRISMA_DIR, process.argv[2] ?? "change");
