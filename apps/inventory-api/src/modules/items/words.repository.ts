import type { Db } from "../../db.ts";
import { IS_PUBLIC } from "./public-sql.ts";

/** How many rows of the suffix index a suggestion request reads, per suggestion it answers. */
const SCAN_PER_SUGGESTION = 10;

/**
 * The word-level side of search (see the migration 20261202030000_accent_blind_search_typos_suggestions):
 * title suggestions from item_title_suffixes, and the typo fallback's closest words from item_words.
 */
export function createWordsRepository(db: Db) {
  return {
    /**
     * Listed public items whose folded title, or a word of it on, starts with the folded `q`: one
     * range of the suffix btree read in order, a few rows per suggestion (enough that hidden items
     * and repeated titles, which are dropped, rarely leave the answer short). Whole titles that
     * match come first, then the rest in the index's (alphabetical) order; each title once.
     */
    suggest: (q: string, limit: number): Promise<{ id: string; title: string }[]> =>
      db.$queryRaw`
        WITH prefix AS (SELECT regexp_replace(btrim(sharehood_fold(${q})), '\\s+', ' ', 'g') COLLATE "C" AS p),
        scanned AS (
          SELECT s.item_id, s.suffix, s.whole FROM item_title_suffixes s, prefix
          WHERE s.suffix >= prefix.p AND s.suffix < prefix.p || chr(1114111)
          ORDER BY s.suffix, s.item_id LIMIT ${limit * SCAN_PER_SUGGESTION}),
        titles AS (
          SELECT DISTINCT ON (lower(i.title)) i.id, i.title, s.whole, s.suffix
          FROM scanned s JOIN items i ON i.id = s.item_id
          WHERE i.deleted_at IS NULL AND ${IS_PUBLIC}
          ORDER BY lower(i.title), s.whole DESC, s.suffix, i.id)
        SELECT id, title FROM titles ORDER BY whole DESC, suffix, id LIMIT ${limit}`,

    /**
     * The query with each word (as the full-text parser splits it, folded) replaced by the most
     * similar word of the catalogue's titles, or null when no word changed. Words under 3 letters
     * are kept as they are. `%` keeps only words similar enough (pg_trgm.similarity_threshold,
     * 0.3); `<->` orders by distance on the GiST index, so each word is one short index walk.
     */
    async correct(q: string): Promise<string | null> {
      const rows = await db.$queryRaw<{ corrected: string | null; changed: boolean | null }[]>`
        SELECT string_agg(coalesce(best.word, t.token), ' ' ORDER BY t.n) AS corrected,
               bool_or(best.word IS NOT NULL AND best.word <> t.token) AS changed
        FROM ts_parse('default', sharehood_fold(${q})) WITH ORDINALITY AS t(tokid, token, n)
        LEFT JOIN LATERAL (
          SELECT v.word FROM item_words v
          WHERE length(t.token) >= 3 AND v.word % t.token ORDER BY v.word <-> t.token, v.word LIMIT 1) best ON true
        WHERE t.tokid IN (1, 2, 3, 9, 10, 11)`;
      const row = rows[0];
      return row?.changed && row.corrected ? row.corrected : null;
    },
  };
}

export type WordsRepository = ReturnType<typeof createWordsRepository>;
