// `npm run db:diff -- <name>`: writes a new migration from changes to prisma/schema.prisma
// (datamodel-to-datamodel against the newest migration's snapshot; no shadow database needed).
import { writeMigrationDiff } from "@sharehood/server-kit";
import { PRISMA_DIR } from "../app.ts";

await writeMigrationDiff(PRISMA_DIR, process.argv[2] ?? "change");
