import { Router } from "express";
import { notificationRoutes, type Page, type WebhookEvent } from "@sharehood/sdk/contract";
import { decodeCursor, encodeCursor } from "@sharehood/server-kit";
import { z } from "zod";
import type { Db } from "../../db.ts";
import type { Mount } from "../auth/mount.ts";
import { feedRepository } from "./feed.repository.ts";

/** A feed position: the last entry's number (a string: it is a bigint). */
const CursorSchema = z.tuple([z.string().regex(/^\d{1,19}$/)]);

/**
 * The caller's events after a cursor, oldest first. The next cursor continues after the page's last
 * entry even on a short page (a client keeps it to catch up later); an empty page answers null.
 */
export async function listFeed(
  db: Db,
  userId: string,
  query: { limit: number; cursor?: string },
): Promise<Page<WebhookEvent>> {
  const afterSeq = query.cursor ? BigInt(decodeCursor(query.cursor, CursorSchema)[0]) : undefined;
  const rows = await feedRepository.list(db, userId, { afterSeq, limit: query.limit });
  const last = rows.at(-1);
  return {
    items: rows.map((row) => row.body as WebhookEvent),
    nextCursor: last ? encodeCursor([last.seq.toString()]) : null,
  };
}

/** `GET /events`: the mounter refuses a caller without `event.read` (403) before it runs. */
export function feedRouter(mount: Mount, db: Db): Router {
  const router = Router();
  mount(router, notificationRoutes.listEvents, ({ caller, query }) => listFeed(db, caller.user.id, query));
  return router;
}
