#!/usr/bin/env node
// Drops and recreates the end-to-end databases, refusing any server that is not on this machine.
import pg from "pg";

const [serverUrl, ...names] = process.argv.slice(2);
const url = new URL(serverUrl);
if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) {
  console.error(`e2e: refusing to drop databases on ${url.hostname}; use a local PostgreSQL`);
  process.exit(1);
}
const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  for (const name of names) {
    if (!/^sharehood_e2e_[a-z0-9_]+$/.test(name)) throw new Error(`e2e: unexpected database name ${name}`);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  }
  console.log(`e2e: fresh databases ${names.join(", ")}`);
} finally {
  await client.end();
}
