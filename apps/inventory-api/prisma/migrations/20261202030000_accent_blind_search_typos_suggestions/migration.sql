-- Hand-written: accent-blind full-text search, the vocabulary behind the typo fallback, and title
-- suggestions. Prisma cannot say any of it; nothing in schema.prisma changes.

CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- `english`, with accents taken off words that have any ("crème" → "creme") before stemming, so
-- "creme" and "crème" are the same lexeme. ASCII-only words (asciiword, asciihword,
-- hword_asciipart) have no accents and keep going straight to the stemmer.
CREATE TEXT SEARCH CONFIGURATION "sharehood" (COPY = english);
ALTER TEXT SEARCH CONFIGURATION "sharehood" ALTER MAPPING FOR word, hword, hword_part WITH unaccent, english_stem;

-- Text folded for comparing by hand: accents off, lower case. unaccent() is only STABLE (its rules
-- file could change), but the rules ship with the extension, so indexes and generated rows may
-- treat it as IMMUTABLE; naming the dictionary keeps the call independent of search_path quirks.
CREATE FUNCTION "sharehood_fold"(value text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT lower(unaccent('unaccent'::regdictionary, value)) $$;

-- The search vector again, through the new configuration. PostgreSQL 15 cannot change a generated
-- column's expression, so the column (and its GIN index) is made anew; item_search_terms' triggers
-- read it by name through their transition tables and need no change, but its rows were computed
-- from the old vectors, so they are computed again below.
ALTER TABLE "items" DROP COLUMN "search";
ALTER TABLE "items" ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('sharehood', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('sharehood', coalesce("description", '')), 'B')
) STORED;
-- Without the pending list, as before (see 20261129181500_search_index_without_pending_list).
CREATE INDEX "items_search_idx" ON "items" USING GIN ("search") WITH (fastupdate = off);

TRUNCATE "item_search_terms";
INSERT INTO "item_search_terms" ("term", "item_id", "rank")
SELECT r.term, i.id, r.rank FROM "items" i, item_search_term_ranks(i.search) r WHERE i.deleted_at IS NULL;

-- The typo fallback's vocabulary: every word that has been in a title, folded. When a search finds
-- nothing, each of its words is swapped for the most similar word here (pg_trgm's <-> over the
-- GiST index, nearest first, so one lookup reads a handful of index pages whatever the size) and
-- the search runs again. A word stays after the items that had it go (it then finds nothing and
-- the fallback answers nothing, as without it); the table grows with the language of the
-- catalogue, not with the number of items. Words shorter than 3 letters are left out: trigrams say
-- little about them.
CREATE TABLE "item_words" ("word" text COLLATE "C" PRIMARY KEY);
CREATE INDEX "item_words_trgm_idx" ON "item_words" USING gist ("word" gist_trgm_ops);

-- Title suggestions: for each listed item, its folded title from each word on ("cordless drill
-- 18v", "drill 18v", "18v"), so "titles that start with q, or have a word that does" is one range
-- of a btree in C order (every string starting with q sorts between q and q followed by the
-- largest character), read in order with a LIMIT. Kept like item_search_terms: rows only for
-- listed items, redone when the title or the listing changes.
CREATE TABLE "item_title_suffixes" (
  "suffix" text COLLATE "C" NOT NULL,
  "item_id" TEXT NOT NULL REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- Whether the suffix is the whole title (those suggestions come first).
  "whole" boolean NOT NULL
);
CREATE INDEX "item_title_suffixes_suffix_idx" ON "item_title_suffixes" ("suffix", "item_id");
CREATE INDEX "item_title_suffixes_item_idx" ON "item_title_suffixes" USING hash ("item_id");

-- The words of a title, folded, in order. The text search parser finds words in any script (it
-- counts every non-ASCII letter as one even under the C locale); 'simple' keeps stop words, which
-- titles start with too ("The", "A").
CREATE FUNCTION "title_words"(title text) RETURNS TABLE ("word" text, "n" bigint)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT w.word, w.n FROM regexp_split_to_table(btrim(sharehood_fold(title)), '\s+') WITH ORDINALITY AS w(word, n)
  WHERE w.word <> ''
$$;

-- Every suffix of a folded title that starts at a word, with whether it is the whole title.
CREATE FUNCTION "title_suffixes"(title text) RETURNS TABLE ("suffix" text, "whole" boolean)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT DISTINCT array_to_string(words[k:], ' '), k = 1
  FROM (SELECT array_agg(word ORDER BY n) AS words FROM title_words(title)) t, generate_subscripts(t.words, 1) AS k
$$;

-- The vocabulary's words of a title, folded: the full-text parser's words (asciiword, word, numword)
-- and the parts of hyphenated ones (hword_numpart, hword_part, hword_asciipart).
CREATE FUNCTION "title_vocabulary"(title text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT DISTINCT t.token FROM ts_parse('default', sharehood_fold(title)) t
  WHERE t.tokid IN (1, 2, 3, 9, 10, 11) AND length(t.token) BETWEEN 3 AND 40
$$;

CREATE FUNCTION "item_titles_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_title_suffixes (suffix, item_id, whole)
  SELECT s.suffix, n.id, s.whole FROM new_items n, title_suffixes(n.title) s WHERE n.deleted_at IS NULL;
  INSERT INTO item_words (word)
  SELECT DISTINCT v FROM new_items n, title_vocabulary(n.title) v ORDER BY 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

-- Only rows whose title or listing changed are redone: most updates (versions, photos, rules) touch neither.
CREATE FUNCTION "item_titles_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM item_title_suffixes t
  USING new_items n JOIN old_items o ON o.id = n.id
  WHERE t.item_id = n.id
    AND (o.title IS DISTINCT FROM n.title OR (o.deleted_at IS NULL) <> (n.deleted_at IS NULL));
  INSERT INTO item_title_suffixes (suffix, item_id, whole)
  SELECT s.suffix, n.id, s.whole
  FROM new_items n JOIN old_items o ON o.id = n.id, title_suffixes(n.title) s
  WHERE n.deleted_at IS NULL AND (o.title IS DISTINCT FROM n.title OR o.deleted_at IS NOT NULL);
  INSERT INTO item_words (word)
  SELECT DISTINCT v FROM new_items n JOIN old_items o ON o.id = n.id, title_vocabulary(n.title) v
  WHERE o.title IS DISTINCT FROM n.title ORDER BY 1
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END
$$;

CREATE TRIGGER "item_titles_insert" AFTER INSERT ON "items"
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION item_titles_after_insert();
CREATE TRIGGER "item_titles_update" AFTER UPDATE ON "items"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION item_titles_after_update();

INSERT INTO "item_title_suffixes" ("suffix", "item_id", "whole")
SELECT s.suffix, i.id, s.whole FROM "items" i, title_suffixes(i.title) s WHERE i.deleted_at IS NULL;
INSERT INTO "item_words" ("word") SELECT DISTINCT v FROM "items" i, title_vocabulary(i.title) v ON CONFLICT DO NOTHING;
