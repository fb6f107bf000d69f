import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { applyMigrations } from "@sharehood/server-kit";
import { createTestDatabase } from "@sharehood/server-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../src/db.ts";
import { PRISMA_DIR } from "../src/service.ts";

// The conversations migration gives every loan made before it its thread, whose first message is
// the request's message: checked on a database migrated up to the migration before, with loans in it.

const MIGRATION = "20261201165932_conversations_messages_blocks";

let folder: string;
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Db;

beforeAll(async () => {
  // A copy of the Prisma folder holding only the migrations before this one.
  folder = await mkdtemp(join(tmpdir(), "sharehood-backfill-"));
  await cp(PRISMA_DIR, folder, { recursive: true });
  const names = await readdir(join(folder, "migrations"));
  for (const name of names.filter((name) => name >= MIGRATION))
    await rm(join(folder, "migrations", name), { recursive: true });
  database = await createTestDatabase({ name: "conversations_backfill", prismaDir: folder });
  db = createDb(database.url);
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  await rm(folder, { recursive: true, force: true });
});

describe("the conversations migration", () => {
  it("opens a thread for every existing loan, with the request's message first and already read", async () => {
    await db.$executeRawUnsafe(`
      INSERT INTO items (id, owner_id, title, description, category_id, condition, updated_at)
      VALUES ('item-1', 'owner-1', 'Ladder', 'A tall one', 'tools', 'good', now())`);
    await db.$executeRawUnsafe(`
      INSERT INTO loans (id, item_id, owner_id, borrower_id, start_date, end_date, message, status, created_at, updated_at)
      VALUES ('loan-with', 'item-1', 'owner-1', 'borrower-1', current_date, current_date, 'May I?', 'returned', now() - interval '3 days', now()),
             ('loan-without', 'item-1', 'owner-1', 'borrower-2', current_date, current_date, NULL, 'requested', now() - interval '1 day', now())`);
    // This migration first, then any written after it.
    expect((await applyMigrations({ databaseUrl: database.url, prismaDir: PRISMA_DIR }))[0]).toBe(MIGRATION);

    const threads = await db.$queryRawUnsafe(`
      SELECT c.loan_id, c.owner_id, c.asker_id, c.message_count, c.owner_read_seq, c.asker_read_seq,
             c.last_activity_at = l.created_at AS same_time
      FROM conversations c JOIN loans l ON l.id = c.loan_id ORDER BY c.loan_id`);
    expect(threads).toEqual([
      {
        loan_id: "loan-with",
        owner_id: "owner-1",
        asker_id: "borrower-1",
        message_count: 1,
        owner_read_seq: 1,
        asker_read_seq: 1,
        same_time: true,
      },
      {
        loan_id: "loan-without",
        owner_id: "owner-1",
        asker_id: "borrower-2",
        message_count: 0,
        owner_read_seq: 0,
        asker_read_seq: 0,
        same_time: true,
      },
    ]);
    const messages = await db.$queryRawUnsafe(
      `SELECT seq, author_id, body FROM messages m JOIN conversations c ON c.id = m.conversation_id`,
    );
    expect(messages).toEqual([{ seq: 1, author_id: "borrower-1", body: "May I?" }]);
  });
});
