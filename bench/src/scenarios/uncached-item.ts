import { alternate, load } from "../measure.ts";
import { fmt, type ScenarioResult } from "../result.ts";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

// The statement the Inventory API runs for GET /items/:id (item, owner's name and avatar, photos,
// blocked days and bookings in one round trip: items.repository.ts's SELECT_ITEM and findDetail),
// so the baseline does the same database work with none of the service around it.
const ITEM_SQL = `
  SELECT i.id, i.owner_id AS "ownerId", coalesce(o.name, 'A neighbour') AS "ownerName", o.avatar_url AS "ownerAvatarUrl",
         i.title, i.description, i.category_id AS "categoryId", i.condition::text AS condition, i.location,
         i.version, i.created_at AS "createdAt", i.updated_at AS "updatedAt",
         i.hidden_at AS "hiddenAt", i.hidden_reason AS "hiddenReason", (o.suspended_at IS NOT NULL) AS "ownerSuspended",
         i.lat, i.lng, i.paused, i.min_days AS "minDays", i.max_days AS "maxDays", i.notice_days AS "noticeDays",
         coalesce((SELECT json_agg(json_build_object('id', p.id, 'key', p.key, 'width', p.width, 'height', p.height) ORDER BY p.position)
                   FROM photos p WHERE p.item_id = i.id), '[]'::json) AS photos,
         coalesce((SELECT json_agg(json_build_object('start', to_char(b.start_date, 'YYYY-MM-DD'), 'end', to_char(b.end_date, 'YYYY-MM-DD')) ORDER BY b.start_date)
                   FROM item_blocks b WHERE b.item_id = i.id AND b.end_date >= (now() AT TIME ZONE 'UTC')::date), '[]'::json) AS "blockedRanges",
         coalesce((SELECT json_agg(json_build_object('startDate', to_char(l.start_date, 'YYYY-MM-DD'), 'endDate', to_char(l.end_date, 'YYYY-MM-DD')) ORDER BY l.start_date)
                   FROM loans l WHERE l.item_id = i.id AND l.status IN ('approved', 'active') AND l.end_date >= current_date), '[]'::json) AS bookings
  FROM items i LEFT JOIN owners o ON o.id = i.owner_id WHERE i.id = $1 AND i.deleted_at IS NULL`;

const ROUNDS = 5;
const SECONDS = 3;
const CONNECTIONS = 10;

/** Uncached GET /items/:id against node:http + pg running the same SQL. */
export async function uncachedItem(stack: BenchStack): Promise<ScenarioResult> {
  await growCatalogue(stack, 1_000);
  const [row] = await stack.sql<{ id: string }>("SELECT id FROM items ORDER BY created_at DESC LIMIT 1");
  const id = row!.id;
  const baseline = await stack.baseline("pg-item", {
    DATABASE_URL: stack.inventoryDatabaseUrl,
    BASELINE_SQL: ITEM_SQL,
  });
  const run = await alternate(
    ROUNDS,
    () => load({ url: `${baseline.url}/items/${id}`, connections: CONNECTIONS, durationSeconds: SECONDS }),
    () =>
      load({
        url: `${stack.inventory.noPublicCache.url}/items/${id}`,
        connections: CONNECTIONS,
        durationSeconds: SECONDS,
      }),
  );
  await baseline.stop("SIGTERM");
  const ratio = run.subject.rps / run.baseline.rps;
  return {
    title: `Uncached GET /items/:id (public cache off), ${CONNECTIONS} connections`,
    rows: [
      { label: "baseline: node:http + pg, same SQL", figures: run.baseline },
      { label: "Inventory API", figures: run.subject },
    ],
    verdicts: [{ target: "throughput ≥ 0.5× baseline", value: `${fmt(ratio)}×`, met: ratio >= 0.5 }],
    raw: run.raw,
  };
}
