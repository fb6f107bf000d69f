-- Hand-written: one-word searches answered from an impact-ordered term list.
--
-- A search ranks its matches by ts_rank, which the GIN index cannot return, so a common word
-- ("waterproof" in one item of twelve) made PostgreSQL fetch and rank every match to find the best
-- twenty: 21 ms at 100k items against 1.5 ms for a rare word, growing with the catalogue. For a
-- single-lexeme query ts_rank depends only on that lexeme's positions and weights in the item, so
-- it can be computed once, when the item is written, and kept here in rank order: a one-word search
-- then reads the first page straight off an index, whatever the catalogue size. Searches of several
-- words match few items and keep using the GIN index. The ranks are the ones ts_rank gives, so
-- both paths order results exactly alike.
--
-- Rows exist only for listed items (deleted_at IS NULL). Statement triggers keep them in step with
-- items, and the foreign key removes them with a hard-deleted item.

CREATE TABLE "item_search_terms" (
  -- The lexeme as the one-lexeme query websearch_to_tsquery builds for it, so a search compares
  -- its own query with this column and needs no parsing of its own.
  "term" tsquery NOT NULL,
  "item_id" TEXT NOT NULL REFERENCES "items"("id") ON DELETE CASCADE ON UPDATE CASCADE,
  -- ts_rank(items.search, term)
  "rank" REAL NOT NULL
);
CREATE INDEX "item_search_terms_ranked_idx" ON "item_search_terms" ("term", "rank" DESC, "item_id" DESC);
-- For replacing one item's rows: a hash index holds a 4-byte hash per row, not the 36-character id.
CREATE INDEX "item_search_terms_item_idx" ON "item_search_terms" USING hash ("item_id");

-- Every lexeme of a search vector as a one-lexeme query, with the rank ts_rank gives it. Inside a
-- quoted tsquery operand only the quote and the backslash are special.
CREATE FUNCTION "item_search_term_ranks"(search tsvector) RETURNS TABLE ("term" tsquery, "rank" real)
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT q.term, ts_rank(search, q.term)
  FROM unnest(search) AS u,
       LATERAL (SELECT ('''' || replace(replace(u.lexeme, '\', '\\'), '''', '''''') || '''')::tsquery AS term) AS q
$$;

CREATE FUNCTION "item_search_terms_after_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO item_search_terms (term, item_id, rank)
  SELECT r.term, n.id, r.rank FROM new_items n, item_search_term_ranks(n.search) r WHERE n.deleted_at IS NULL;
  RETURN NULL;
END
$$;

-- Only rows whose text or listing changed are redone: most updates (versions, photos) touch neither.
CREATE FUNCTION "item_search_terms_after_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM item_search_terms t
  USING new_items n LEFT JOIN old_items o ON o.id = n.id
  WHERE t.item_id = n.id
    AND (o.id IS NULL OR o.search IS DISTINCT FROM n.search OR (o.deleted_at IS NULL) <> (n.deleted_at IS NULL));
  INSERT INTO item_search_terms (term, item_id, rank)
  SELECT r.term, n.id, r.rank
  FROM new_items n LEFT JOIN old_items o ON o.id = n.id, item_search_term_ranks(n.search) r
  WHERE n.deleted_at IS NULL
    AND (o.id IS NULL OR o.search IS DISTINCT FROM n.search OR o.deleted_at IS NOT NULL);
  RETURN NULL;
END
$$;

-- Statement triggers see all rows a statement wrote at once, so a bulk insert costs one INSERT here.
CREATE TRIGGER "item_search_terms_insert" AFTER INSERT ON "items"
  REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION item_search_terms_after_insert();
CREATE TRIGGER "item_search_terms_update" AFTER UPDATE ON "items"
  REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION item_search_terms_after_update();

INSERT INTO "item_search_terms" ("term", "item_id", "rank")
SELECT r.term, i.id, r.rank FROM "items" i, item_search_term_ranks(i.search) r WHERE i.deleted_at IS NULL;
