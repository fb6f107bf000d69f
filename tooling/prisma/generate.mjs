#!/usr/bin/env node
// `prisma generate` never runs the schema engine, but the CLI insists on finding (or downloading)
// one first, and no download host is reachable here. Pointing PRISMA_SCHEMA_ENGINE_BINARY at a stub
// that exits 1 satisfies the check. Migrations go through the WebAssembly engine instead
// (packages/server-kit/src/db/migrate.ts).
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const stubDir = join(tmpdir(), "sharehood-prisma");
const stub = join(stubDir, "schema-engine-stub");
if (!existsSync(stub)) {
  mkdirSync(stubDir, { recursive: true });
  writeFileSync(stub, "#!/bin/sh\necho 'schema engine stub: use npm run db:migrate' >&2\nexit 1\n");
  chmodSync(stub, 0o755);
}
const result = spawnSync("npx", ["--no-install", "prisma", "generate", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? stub,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
