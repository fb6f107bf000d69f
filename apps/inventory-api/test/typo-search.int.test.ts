import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Search that forgives: accents do not matter, and a search that finds nothing as typed is run
// again with each word swapped for the closest word of the catalogue's titles.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;

const TITLES = ["Crème brûlée torch", "Cordless drill", "Hammer drill", "Family tent", "Pâte à crêpes pan"];

beforeAll(async () => {
  stack = await startStack("typo-search");
  owner = await stack.signUp("Tina Typo");
  for (const title of TITLES) {
    await owner.client.items.create({
      body: newItem({ title, description: "Lent gladly.", categoryId: "kitchen" }),
    });
  }
});
afterAll(() => stack.close());

const search = (q: string) => stack.client().items.list({ query: { q } });
const titles = (page: { items: { title: string }[] }) => page.items.map((i) => i.title).sort();

describe("accent-blind search", () => {
  it("finds an accented title from a query without the accents", async () => {
    expect(titles(await search("creme"))).toEqual(["Crème brûlée torch"]);
  });

  it("finds an unaccented title from a query with accents, and the same as without them", async () => {
    expect(titles(await search("crêpes"))).toEqual(titles(await search("crepes")));
    expect(titles(await search("fämily"))).toEqual(["Family tent"]);
  });
});

describe("the typo fallback", () => {
  it("finds drills from 'dril' and says which search it ran", async () => {
    const page = await search("dril");
    expect(titles(page)).toEqual(["Cordless drill", "Hammer drill"]);
    expect(page.correctedQuery).toBe("drill");
  });

  it("finds tents from 'tennt'", async () => {
    const page = await search("tennt");
    expect(titles(page)).toEqual(["Family tent"]);
    expect(page.correctedQuery).toBe("tent");
  });

  it("corrects each word of a longer search", async () => {
    const page = await search("cordles dril");
    expect(page).toMatchObject({ correctedQuery: "cordless drill" });
    expect(titles(page)).toEqual(["Cordless drill"]);
  });

  it("corrects nothing when the search as typed finds something", async () => {
    const page = await search("drill");
    expect(page.items).toHaveLength(2);
    expect(page.correctedQuery).toBeUndefined();
  });

  it("answers an empty page without a correction when nothing is close", async () => {
    const page = await search("xylophone");
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("learns the words of new and renamed titles", async () => {
    const item = await owner.client.items.create({
      body: newItem({ title: "Projector screen", categoryId: "electronics" }),
    });
    expect((await search("projecter")).correctedQuery).toBe("projector");
    await owner.client.items.update({ params: { id: item.id }, body: { title: "Wheelbarrow" } });
    const page = await search("wheelbarow");
    expect(page.correctedQuery).toBe("wheelbarrow");
    expect(page.items.map((i) => i.id)).toEqual([item.id]);
  });

  it("follows the corrected search's cursor to its next page", async () => {
    const first = await stack.client().items.list({ query: { q: "dril", limit: 1 } });
    expect(first.nextCursor).not.toBeNull();
    const second = await stack
      .client()
      .items.list({ query: { q: "dril", limit: 1, cursor: first.nextCursor! } });
    expect(second.correctedQuery).toBe("drill");
    expect([...first.items, ...second.items].map((i) => i.title).sort()).toEqual([
      "Cordless drill",
      "Hammer drill",
    ]);
  });
});
