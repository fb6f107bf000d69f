import { Prisma, type Db } from "../../db.ts";

export interface IdempotencyRecord {
  requestHash: string;
  responseStatus: number | null;
  responseBody: unknown;
  createdAt: Date;
}

type Id = { callerId: string; scope: string; key: string };

export function createIdempotencyRepository(db: Db) {
  const where = (id: Id) => ({ callerId_scope_key: id });
  return {
    /** Claims a key for a request in flight; false when the key already exists. */
    async claim(id: Id, requestHash: string): Promise<boolean> {
      const inserted = await db.$executeRaw`
        INSERT INTO idempotency_keys (caller_id, scope, key, request_hash) VALUES (${id.callerId}, ${id.scope}, ${id.key}, ${requestHash})
        ON CONFLICT DO NOTHING`;
      return inserted === 1;
    },
    find: (id: Id): Promise<IdempotencyRecord | null> =>
      db.idempotencyKey.findUnique({
        where: where(id),
        select: { requestHash: true, responseStatus: true, responseBody: true, createdAt: true },
      }),
    complete: (id: Id, status: number, body: unknown) =>
      db.idempotencyKey.update({
        where: where(id),
        data: { responseStatus: status, responseBody: body as Prisma.InputJsonValue },
      }),
    release: (id: Id) => db.idempotencyKey.deleteMany({ where: id }),
    /** Takes over a key whose first request died mid-flight or whose 24 hours are over. */
    async reclaim(id: Id, requestHash: string, olderThan: Date): Promise<boolean> {
      const { count } = await db.idempotencyKey.updateMany({
        where: { ...id, createdAt: { lt: olderThan } },
        data: { requestHash, responseStatus: null, responseBody: Prisma.DbNull, createdAt: new Date() },
      });
      return count === 1;
    },
    purgeOlderThan: (cutoff: Date) => db.idempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff } } }),
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
