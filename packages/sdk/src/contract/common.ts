import { z } from "zod";

/** An opaque identifier. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id");

/** An ISO 8601 UTC timestamp as sent on the wire. */
export const TimestampSchema = z.iso.datetime({ offset: false });

/** A calendar date, `YYYY-MM-DD`. */
export const DateSchema = z.iso.date("must be a date (YYYY-MM-DD)");

/** `?limit=` (1–100, default 20) and `?cursor=` of every list endpoint. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(512).optional(),
});
/** Pagination query of every list endpoint. */
export type PageQuery = z.infer<typeof PageQuerySchema>;

/** The body of every list endpoint: a page of items and the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}
/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A route parameter `:id`. */
export const IdParamsSchema = z.object({ id: IdSchema });
