import { DEFAULT_RADIUS_KM, distanceKm, type ListItemsQuery, type Position } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Distance search: only positioned items within the radius, each with its distance, optionally
// nearest first, alongside the other filters and sorts.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;

const HERE: Position = { lat: 48.8566, lng: 2.3522 };
/** A point `km` north and `eastKm` east of HERE (near enough on this scale). */
const at = (km: number, eastKm = 0): Position => ({
  lat: HERE.lat + km / 111.2,
  lng: HERE.lng + eastKm / (111.2 * Math.cos((HERE.lat * Math.PI) / 180)),
});

interface Placed {
  id: string;
  title: string;
  /** The exact distance from HERE of the point stored (the snapped one). */
  km: number;
}
const placed: Placed[] = [];

async function place(
  title: string,
  position: Position | null,
  overrides: Parameters<typeof newItem>[0] = {},
) {
  const item = await owner.client.items.create({
    body: newItem({
      title,
      description: `${title}, lent gladly.`,
      categoryId: "camping",
      position,
      ...overrides,
    }),
  });
  if (item.position) placed.push({ id: item.id, title, km: distanceKm(HERE, item.position) });
  return item;
}

beforeAll(async () => {
  // No public cache: near searches are never cached anyway, and the list tests change nothing.
  stack = await startStack("near-search", { inventory: { PUBLIC_CACHE_TTL_SECONDS: "0" } });
  owner = await stack.signUp("Nadia Near");
  await place("Tent on the same cell", HERE);
  await place("Ladder one km away", at(1));
  await place("Ladder two km away", at(0, -2), { categoryId: "tools" });
  await place("Kayak four km away", at(3, 3), { categoryId: "sports" });
  await place("Drill nine km away", at(-9));
  await place("Drill twelve km away", at(12));
  await place("Bike far away", { lat: 45.76, lng: 4.83 });
  // Three on one grid cell: equally far, so the id orders them, across page boundaries too.
  for (const n of [1, 2, 3]) await place(`Tie ${n} twenty km away`, at(20));
  await place("Drill with no position", null);
});
afterAll(() => stack.close());

const list = (query: ListItemsQuery) => stack.client().items.list({ query });
const nearHere = `${HERE.lat},${HERE.lng}`;

describe("near a point", () => {
  it("lists only positioned items within the default radius, each with its distance to 0.1 km", async () => {
    const page = await list({ near: nearHere, limit: 100 });
    const expected = placed.filter((p) => p.km <= DEFAULT_RADIUS_KM);
    expect(page.items.map((i) => i.id).sort()).toEqual(expected.map((p) => p.id).sort());
    for (const item of page.items) {
      const exact = placed.find((p) => p.id === item.id)!.km;
      expect(item.distanceKm).toBe(Number(item.distanceKm!.toFixed(1)));
      expect(Math.abs(item.distanceKm! - exact)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });

  it("keeps an item just inside the radius and leaves out one just outside it", async () => {
    const edge = placed.find((p) => p.title === "Kayak four km away")!;
    // Each way of finding them: the radius's box, and (nearest first with words) the words first.
    for (const query of [{}, { q: "kayak", sort: "distance" as const }]) {
      const inside = await list({ near: nearHere, radiusKm: edge.km + 0.002, ...query });
      expect(inside.items.map((i) => i.id)).toContain(edge.id);
      const outside = await list({ near: nearHere, radiusKm: edge.km - 0.002, ...query });
      expect(outside.items.map((i) => i.id)).not.toContain(edge.id);
    }
  });

  it.each([
    ["", () => true],
    ["away", (title: string) => title.includes("away")],
  ])(
    "sorts nearest first, page after page, with ties broken the same way every time (q=%j)",
    async (q, matches) => {
      const seen: { id: string; distanceKm?: number }[] = [];
      let cursor: string | undefined;
      do {
        const page = await list({
          near: nearHere,
          radiusKm: 50,
          sort: "distance",
          limit: 2,
          cursor,
          q: q || undefined,
        });
        seen.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const expected = placed
        .filter((p) => p.km <= 50 && matches(p.title))
        .sort((a, b) => a.km - b.km || (a.id < b.id ? -1 : 1));
      expect(expected.length).toBeGreaterThan(3);
      expect(seen.map((i) => i.id)).toEqual(expected.map((p) => p.id));
    },
  );

  it("combines with q, category, availability and the other sorts", async () => {
    const drills = await list({ near: nearHere, q: "drill", radiusKm: 15, sort: "distance" });
    expect(drills.items.map((i) => i.title)).toEqual(["Drill nine km away", "Drill twelve km away"]);
    const tools = await list({ near: nearHere, category: "tools", sort: "title" });
    expect(tools.items.map((i) => i.title)).toEqual(["Ladder two km away"]);
    const free = await list({
      near: nearHere,
      radiusKm: 1.5,
      availableFrom: inDays(1),
      availableTo: inDays(2),
    });
    expect(free.items.map((i) => i.title).sort()).toEqual(["Ladder one km away", "Tent on the same cell"]);
    const ranked = await list({ near: nearHere, q: "ladder", sort: "relevance" });
    expect(ranked.items).toHaveLength(2);
    expect(ranked.items.every((i) => typeof i.distanceKm === "number")).toBe(true);
  });

  it("finds the newest items of a crowded radius (read newest first, not through the box) like a sparse one", async () => {
    // 300 items within about a kilometre of a town 200 km away, one a minute, and a newer one just
    // outside the radius; the radius holds more than the repository calls crowded.
    const town = at(200);
    await stack.inventory.api.db.$executeRaw`
      INSERT INTO items (id, owner_id, title, description, category_id, condition, lat, lng, created_at, updated_at)
      SELECT 'crowd-' || g, ${owner.id}, 'Crowd item ' || g, 'One of many.', 'camping', 'good',
             ${town.lat}::float8 + (g % 17) * 0.0005, ${town.lng}::float8 + (g % 13) * 0.0007, now() - g * interval '1 minute', now()
      FROM generate_series(1, 300) g`;
    const outside = at(203);
    await stack.inventory.api.db.$executeRaw`
      INSERT INTO items (id, owner_id, title, description, category_id, condition, lat, lng, updated_at)
      VALUES ('crowd-outside', ${owner.id}, 'Just outside', 'Too far.', 'camping', 'good', ${outside.lat}, ${outside.lng}, now())`;
    const page = await list({ near: `${town.lat},${town.lng}`, radiusKm: 2, sort: "newest", limit: 20 });
    expect(page.items.map((i) => i.id)).toEqual(Array.from({ length: 20 }, (_, n) => `crowd-${n + 1}`));
    expect(page.items.every((i) => i.distanceKm! <= 2)).toBe(true);
  });

  it("answers no distance when the search is not near a point", async () => {
    const page = await list({ q: "ladder" });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((i) => i.distanceKm === undefined)).toBe(true);
  });

  it("refuses a malformed point, radius or sort with 400", async () => {
    for (const query of [
      "near=abc",
      "near=91,0",
      "near=0,181",
      "near=1,2,3",
      `near=${nearHere}&radiusKm=0`,
      `near=${nearHere}&radiusKm=51`,
      `near=${nearHere}&radiusKm=ten`,
      "radiusKm=5",
      "sort=distance",
      `near=${nearHere}&sort=distance&cursor=bm90LWEtY3Vyc29y`,
    ]) {
      const res = await raw(`${stack.inventory.url}/items?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code, query).toBe("validation_failed");
    }
  });
});
