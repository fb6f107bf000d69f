import type { DateRange } from "@sharehood/sdk";
import { Prisma, type Db } from "../../db.ts";
import { IS_PUBLIC } from "../items/public-sql.ts";

const { sql } = Prisma;

/**
 * The taken days of a public item within a window, in one statement: approved and active loans and
 * the owner's blocked days that reach into the window (each through its (item_id, ...) index),
 * clipped to it and merged by range_agg (overlapping and adjacent ranges become one). Selects no
 * borrower, loan id or reason: the answer cannot say who or why. Null when the item is not listed,
 * or hidden from the public.
 */
export function createAvailabilityRepository(db: Db) {
  return {
    async takenDays(itemId: string, window: DateRange): Promise<DateRange[] | null> {
      const [from, to] = [sql`${window.start}::date`, sql`${window.end}::date`];
      const rows = await db.$queryRaw<{ taken: DateRange[] }[]>`
        SELECT coalesce((
          SELECT json_agg(json_build_object('start', to_char(lower(r), 'YYYY-MM-DD'), 'end', to_char(upper(r) - 1, 'YYYY-MM-DD')) ORDER BY lower(r))
          FROM unnest((
            SELECT range_agg(daterange(greatest(x.start_date, ${from}), least(x.end_date, ${to}), '[]'))
            FROM (
              SELECT l.start_date, l.end_date FROM loans l
              WHERE l.item_id = i.id AND l.status IN ('approved', 'active') AND l.start_date <= ${to} AND l.end_date >= ${from}
              UNION ALL
              SELECT b.start_date, b.end_date FROM item_blocks b
              WHERE b.item_id = i.id AND b.start_date <= ${to} AND b.end_date >= ${from}) x)) r), '[]'::json) AS taken
        FROM items i WHERE i.id = ${itemId} AND i.deleted_at IS NULL AND ${IS_PUBLIC}`;
      return rows[0]?.taken ?? null;
    },
  };
}

export type AvailabilityRepository = ReturnType<typeof createAvailabilityRepository>;
