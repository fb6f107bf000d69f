import { growCatalogue } from "./seed.ts";
import type { BenchStack } from "./stack.ts";

/** Threads of made-up neighbours, and the messages in each, around the one long thread. */
const OTHER_THREADS = 900;
const MESSAGES_PER_OTHER_THREAD = 100;

const PHRASES = [
  "Is it still available this weekend?",
  "Yes, come by after six.",
  "Does it come with the charger?",
  "It does, and a spare battery.",
  "Great, I will bring it back on Sunday.",
  "No rush, I will not need it before Tuesday.",
  "Thanks again, it worked perfectly!",
  "Could I keep it one more day?",
];

/**
 * Fills the inventory database with messages in one statement per part (generate_series, no HTTP):
 * the long thread `conversationId` (which holds its first message already) grows to `longThread`
 * messages written by its two participants in turn, and 900 threads of made-up askers about the
 * catalogue's items get 100 messages each. Then VACUUM (ANALYZE) and a CHECKPOINT, so measuring
 * starts on a database at rest with statistics, as one in service would be (see growCatalogue).
 * Answers how many messages the database holds.
 */
export async function seedMessages(
  stack: BenchStack,
  thread: { conversationId: string; ownerId: string; askerId: string },
  longThread: number,
): Promise<number> {
  await growCatalogue(stack, 1_000);
  // Seqs 2…N after the question (seq 1); authors alternate, one a minute, ending a minute ago.
  await stack.sql(
    `INSERT INTO messages (id, conversation_id, seq, author_id, body, created_at)
     SELECT gen_random_uuid()::text, $1, s, CASE WHEN s % 2 = 1 THEN $3 ELSE $2 END,
            ($5::text[])[s % array_length($5::text[], 1) + 1], now() - (($4::int - s + 1) || ' minutes')::interval
     FROM generate_series(2, $4::int) s`,
    [thread.conversationId, thread.ownerId, thread.askerId, longThread, PHRASES],
  );
  await stack.sql(
    `UPDATE conversations SET message_count = $2, owner_read_seq = $2 - 1, asker_read_seq = $2,
            last_activity_at = now() - interval '1 minute'
     WHERE id = $1`,
    [thread.conversationId, longThread],
  );
  // The other threads: one per made-up asker, each about one of the catalogue's items and its owner.
  await stack.sql(
    `WITH made AS (
       INSERT INTO conversations (id, item_id, owner_id, asker_id, message_count, owner_read_seq,
                                  asker_read_seq, created_at, last_activity_at)
       SELECT gen_random_uuid()::text, i.id, i.owner_id, 'bench-asker-' || i.n, $1, $1, $1,
              now() - interval '30 days' + (i.n || ' minutes')::interval,
              now() - interval '1 day' + (i.n || ' seconds')::interval
       FROM (SELECT id, owner_id, row_number() OVER (ORDER BY created_at) AS n FROM items LIMIT $2) i
       RETURNING id, owner_id, asker_id, created_at)
     INSERT INTO messages (id, conversation_id, seq, author_id, body, created_at)
     SELECT gen_random_uuid()::text, made.id, s, CASE WHEN s % 2 = 1 THEN made.asker_id ELSE made.owner_id END,
            ($3::text[])[s % array_length($3::text[], 1) + 1], made.created_at + (s || ' minutes')::interval
     FROM made, generate_series(1, $1::int) s`,
    [MESSAGES_PER_OTHER_THREAD, OTHER_THREADS, PHRASES],
  );
  await stack.sql("VACUUM (ANALYZE) conversations, messages");
  await stack.sql("CHECKPOINT");
  const [row] = await stack.sql<{ count: string }>("SELECT count(*) FROM messages");
  return Number(row?.count ?? 0);
}
