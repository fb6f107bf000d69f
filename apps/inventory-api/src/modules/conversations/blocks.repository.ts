import { Prisma, type Db } from "../../db.ts";

/** Someone a person blocked, with their public name as the owners table knows it. */
export interface BlockRow {
  blockedId: string;
  name: string | null;
  gone: boolean;
  createdAt: Date;
}

/** Who blocked whom. Every question is one primary-key lookup, or a walk of the blocker's index. */
export function createBlocksRepository(db: Db) {
  return {
    /** Whether `blockerId` has blocked `blockedId`. */
    async has(blockerId: string, blockedId: string): Promise<boolean> {
      const rows = await db.$queryRaw<{ blocked: boolean }[]>`
        SELECT EXISTS (SELECT 1 FROM blocks WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}) AS blocked`;
      return rows[0]?.blocked ?? false;
    },

    /** Blocks someone; blocking them again changes nothing (the first date stays). */
    async add(blockerId: string, blockedId: string): Promise<void> {
      await db.$executeRaw`
        INSERT INTO blocks (blocker_id, blocked_id) VALUES (${blockerId}, ${blockedId}) ON CONFLICT DO NOTHING`;
    },

    async remove(blockerId: string, blockedId: string): Promise<void> {
      await db.$executeRaw`DELETE FROM blocks WHERE blocker_id = ${blockerId} AND blocked_id = ${blockedId}`;
    },

    /** The people a person blocked, most recent first, keyset-paged on (created_at, blocked_id). */
    list(blockerId: string, options: { after?: [string, string]; limit: number }): Promise<BlockRow[]> {
      const after = options.after
        ? Prisma.sql`AND (b.created_at, b.blocked_id) < (${options.after[0]}::timestamptz, ${options.after[1]})`
        : Prisma.sql``;
      return db.$queryRaw`
        SELECT b.blocked_id AS "blockedId", o.name, (o.deleted_at IS NOT NULL) AS gone, b.created_at AS "createdAt"
        FROM blocks b LEFT JOIN owners o ON o.id = b.blocked_id
        WHERE b.blocker_id = ${blockerId} ${after}
        ORDER BY b.created_at DESC, b.blocked_id DESC LIMIT ${options.limit}`;
    },
  };
}

export type BlocksRepository = ReturnType<typeof createBlocksRepository>;
