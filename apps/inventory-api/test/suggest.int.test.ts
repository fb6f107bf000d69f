import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem, raw } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Suggestions for the search box: titles of listed public items that start with what was typed, or
// have a word that does, whatever the accents and case.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
const ids: Record<string, string> = {};

const TITLES = [
  "Drill press",
  "Cordless drill",
  "Dried flower press",
  "Crème brûlée torch",
  "Tent",
  "Camping tent",
];

beforeAll(async () => {
  stack = await startStack("suggest");
  owner = await stack.signUp("Sue Suggest");
  for (const title of TITLES) {
    ids[title] = (await owner.client.items.create({ body: newItem({ title }) })).id;
  }
});
afterAll(() => stack.close());

const suggest = async (q: string, limit?: number) =>
  (await stack.client().items.suggest({ query: { q, limit } })).suggestions;
const titlesFor = async (q: string, limit?: number) => (await suggest(q, limit)).map((s) => s.title);

describe("suggestions", () => {
  it("answer titles starting with the text first, then titles with a word starting with it", async () => {
    expect(await titlesFor("dri")).toEqual(["Dried flower press", "Drill press", "Cordless drill"]);
  });

  it("answer each item's id with its title", async () => {
    expect(await suggest("cordless")).toEqual([{ id: ids["Cordless drill"], title: "Cordless drill" }]);
  });

  it("ignore case and accents", async () => {
    expect(await titlesFor("CREME")).toEqual(["Crème brûlée torch"]);
    expect(await titlesFor("brûl")).toEqual(["Crème brûlée torch"]);
  });

  it("match several words typed as the start of a title or of its tail", async () => {
    expect(await titlesFor("drill  pr")).toEqual(["Drill press"]);
    expect(await titlesFor("flower pr")).toEqual(["Dried flower press"]);
  });

  it("answer at most limit titles", async () => {
    expect(await titlesFor("dri", 2)).toEqual(["Dried flower press", "Drill press"]);
  });

  it("leave out removed and hidden items", async () => {
    const removed = await owner.client.items.create({ body: newItem({ title: "Tent pegs" }) });
    await owner.client.items.delete({ params: { id: removed.id } });
    const hidden = await owner.client.items.create({ body: newItem({ title: "Tent poles" }) });
    // Hidden behind the API's back, after the last write emptied the cache and before "ten" is asked.
    await stack.inventory.api.db.item.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    expect(await titlesFor("ten")).toEqual(["Tent", "Camping tent"]);
  });

  it("answer nothing when no title matches", async () => {
    expect(await suggest("zzz")).toEqual([]);
  });

  it("are not taken for an item called 'suggest', and refuse an empty or overlong q with 400", async () => {
    for (const query of ["", "?q=", "?q=%20%20", `?q=${"a".repeat(101)}`, "?q=a&limit=11"]) {
      const res = await raw(`${stack.inventory.url}/items/suggest${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code, query).toBe("validation_failed");
    }
  });
});
