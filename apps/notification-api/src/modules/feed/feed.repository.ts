import type { WebhookEvent } from "@sharehood/sdk/contract";
import type { Db, Tx } from "../../db.ts";

/** A person's new feed entry, as the webhooks step needs it. */
export interface FeedEntry {
  seq: bigint;
  userId: string;
}

/**
 * The events feed. Every query names the person (`userId`): each reads only their own. Entries are
 * added in the event handler's transaction; a person's entries are numbered (`seq`) in commit order,
 * because the adding transaction takes that person's advisory lock first and holds it to its commit:
 * a reader past `seq` = n never finds an n - 1 committing later.
 */
export const feedRepository = {
  /** Adds the event for each person (once: a repeat adds nothing); answers the entries made. */
  async add(tx: Tx, event: WebhookEvent, userIds: readonly string[]): Promise<FeedEntry[]> {
    // Sorted, so two transactions locking the same people never wait for each other in a circle.
    const people = [...new Set(userIds)].sort();
    if (people.length === 0) return [];
    for (const userId of people)
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`feed:${userId}`}, 0))`;
    return tx.feedEvent.createManyAndReturn({
      data: people.map((userId) => ({
        eventId: event.id,
        userId,
        type: event.type,
        body: event,
      })),
      skipDuplicates: true,
      select: { seq: true, userId: true },
    });
  },

  /** A page of the person's entries after `afterSeq`, oldest first. */
  async list(db: Db, userId: string, options: { afterSeq?: bigint; limit: number }) {
    return db.feedEvent.findMany({
      where: { userId, ...(options.afterSeq !== undefined ? { seq: { gt: options.afterSeq } } : {}) },
      orderBy: { seq: "asc" },
      take: options.limit,
      select: { seq: true, body: true },
    });
  },

  /** The body of one entry (what a delivery sends). */
  async body(db: Db, seq: bigint): Promise<WebhookEvent | undefined> {
    const row = await db.feedEvent.findUnique({ where: { seq }, select: { body: true } });
    return row?.body as WebhookEvent | undefined;
  },

  /** Deletes entries older than `before`, with their deliveries; answers how many. */
  async purge(db: Db, before: Date): Promise<number> {
    return db.$executeRaw`DELETE FROM feed_events WHERE created_at < ${before}`;
  },

  async forgetPerson(tx: Tx, userId: string): Promise<void> {
    await tx.feedEvent.deleteMany({ where: { userId } });
  },
};
