import { Prisma } from "../../db.ts";

const { sql } = Prisma;

/**
 * What the public may list: not hidden by moderators, and not an item of a suspended owner. Both are
 * rare, so this is a filter on the rows a page walks, not an index of its own. PostgreSQL plans the
 * owners test as an anti-join against the suspended owners, read once per query (a scan of owners,
 * about a millisecond at 20,000 people); a partial index on suspended owners would make that free,
 * when a migration can add one. One-word searches read item_search_terms, which keeps hidden items'
 * words, and the filter drops them there too. It reads the item as `i` (saved items use it too).
 */
export const IS_PUBLIC = sql`i.hidden_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM owners so WHERE so.id = i.owner_id AND so.suspended_at IS NOT NULL)`;

/**
 * IS_PUBLIC for a scan whose index order must survive (nearest first): the suspended owners as a
 * hashed list the scan filters through, where the anti-join of IS_PUBLIC would leave its output
 * unordered (and so sort every match). The same rows pass; owners.id and items.owner_id are never
 * null, so NOT IN means NOT EXISTS here.
 */
export const IS_PUBLIC_IN_ORDER = sql`i.hidden_at IS NULL
  AND i.owner_id NOT IN (SELECT so.id FROM owners so WHERE so.suspended_at IS NOT NULL)`;
