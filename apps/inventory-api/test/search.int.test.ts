import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// One-word searches by relevance are answered from item_search_terms, kept by triggers; these tests
// hold them to what ranking every GIN match with ts_rank answers, through edits and removals.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
const ids: string[] = [];

// Titles and descriptions where the words repeat a different number of times, in the title or
// the description or both, so that ranks differ and tie; with quotes and backslashes in lexemes.
const ADJECTIVES = ["waterproof", "folding", "cordless", "O'Brien's", "back\\slash", "vintage"];
const NOUNS = ["tent", "drill", "ladder", "jacket", "kayak"];

beforeAll(async () => {
  // No public cache: these tests also change the index behind the API's back.
  stack = await startStack("search", { inventory: { PUBLIC_CACHE_TTL_SECONDS: "0" } });
  owner = await stack.signUp("Owner");
  for (let n = 0; n < 36; n++) {
    const adjective = ADJECTIVES[n % ADJECTIVES.length]!;
    const noun = NOUNS[n % NOUNS.length]!;
    const title = `${adjective} ${noun}${n % 4 === 0 ? ` ${noun}` : ""}`;
    const description = [
      `A ${ADJECTIVES[(n + 1) % ADJECTIVES.length]} ${NOUNS[(n + 2) % NOUNS.length]}.`,
      ...Array.from({ length: n % 3 }, () => `Very ${adjective}.`),
    ].join(" ");
    const { id } = await owner.client.items.create({ body: newItem({ title, description }) });
    ids.push(id);
  }
});
afterAll(() => stack.close());

/** Every page of a search by relevance, three items at a time, following the cursors. */
async function searchAll(q: string): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await stack.client().items.list({ query: { q, limit: 3, cursor } });
    seen.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

/** What ranking every match answers: the order a search by relevance must give. */
async function ranked(q: string): Promise<string[]> {
  const rows = await stack.inventory.api.db.$queryRaw<{ id: string }[]>`
    SELECT id FROM items, websearch_to_tsquery('sharehood', ${q}) query
    WHERE deleted_at IS NULL AND search @@ query ORDER BY ts_rank(search, query) DESC, id DESC`;
  return rows.map((r) => r.id);
}

/** Rows of item_search_terms that differ from what the listed items' text gives (0 when in step). */
async function termsOutOfStep(): Promise<number> {
  const [row] = await stack.inventory.api.db.$queryRaw<{ count: number }[]>`
    WITH expected AS (
      SELECT r.term, i.id AS item_id, r.rank FROM items i, item_search_term_ranks(i.search) r
      WHERE i.deleted_at IS NULL),
    missing AS (SELECT * FROM expected EXCEPT ALL SELECT term, item_id, rank FROM item_search_terms),
    extra AS (SELECT term, item_id, rank FROM item_search_terms EXCEPT ALL SELECT * FROM expected)
    SELECT ((SELECT count(*) FROM missing) + (SELECT count(*) FROM extra))::int AS count`;
  return row!.count;
}

const ONE_WORD = ["waterproof", "tents", "drill", "Jacket", "O'Brien's", "back\\slash", "vintage", "kayaks"];

describe("search by relevance", () => {
  it("answers one-word searches in exactly the order ranking every match gives, page by page", async () => {
    for (const q of ONE_WORD) {
      const expected = await ranked(q);
      expect(expected.length, q).toBeGreaterThan(0);
      expect(await searchAll(q), q).toEqual(expected);
    }
  });

  it("answers searches of several words the same way", async () => {
    for (const q of ["waterproof tent", "drill OR ladder", "vintage -kayak", '"cordless drill"']) {
      expect(await searchAll(q), q).toEqual(await ranked(q));
    }
  });

  it("keeps one-word results right through edits, removals and bulk unlisting", async () => {
    expect(await termsOutOfStep()).toBe(0);
    const [retitled, described, removed] = ids;
    await owner.client.items.update({ params: { id: retitled! }, body: { title: "Kayak paddle" } });
    await owner.client.items.update({
      params: { id: described! },
      body: { description: "Now waterproof, waterproof and waterproof." },
    });
    await owner.client.items.delete({ params: { id: removed! } });
    // Changes that leave the text alone leave the terms alone.
    await owner.client.items.update({ params: { id: ids[3]! }, body: { condition: "fair" } });
    expect(await termsOutOfStep()).toBe(0);
    for (const q of ONE_WORD) expect(await searchAll(q), q).toEqual(await ranked(q));
    expect(await searchAll("paddle")).toEqual([retitled]);
    expect(await searchAll("waterproof")).not.toContain(removed);

    // The owner's account is deleted: all their items are unlisted in one statement.
    await stack.inventory.api.db.$executeRaw`
      UPDATE items SET deleted_at = now() WHERE owner_id = ${owner.id} AND deleted_at IS NULL`;
    expect(await termsOutOfStep()).toBe(0);
    expect(await searchAll("waterproof")).toEqual([]);
    await stack.inventory.api.db.$executeRaw`UPDATE items SET deleted_at = NULL WHERE id <> ${removed!}`;
    expect(await termsOutOfStep()).toBe(0);
    expect(await searchAll("waterproof")).toEqual(await ranked("waterproof"));
  });

  it("reads one-word searches from the term index and others from the GIN index", async () => {
    const [item] = await ranked("waterproof tent");
    await stack.inventory.api.db.$executeRaw`DELETE FROM item_search_terms WHERE item_id = ${item!}`;
    try {
      expect(await searchAll("waterproof")).not.toContain(item);
      expect(await searchAll("waterproof tent")).toContain(item);
    } finally {
      await stack.inventory.api.db.$executeRaw`
        INSERT INTO item_search_terms (term, item_id, rank)
        SELECT r.term, i.id, r.rank FROM items i, item_search_term_ranks(i.search) r WHERE i.id = ${item!}`;
    }
    expect(await termsOutOfStep()).toBe(0);
  });
});
