import { roundPosition, distanceKm, type Item, type Position } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// An item's approximate position: snapped before it is stored, answered as stored, and carried with
// the owner's rules by every answer that shows an item.

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let saver: Awaited<ReturnType<TestStack["signUp"]>>;

const HERE: Position = { lat: 51.5072, lng: -0.1276 };

beforeAll(async () => {
  // No public cache: a test hides an item behind the API's back.
  stack = await startStack("items-position", { inventory: { PUBLIC_CACHE_TTL_SECONDS: "0" } });
  [owner, saver] = await Promise.all([stack.signUp("Paula Position"), stack.signUp("Sam Saver")]);
});
afterAll(() => stack.close());

describe("positions", () => {
  it("are stored snapped to the grid and answered as stored", async () => {
    const given = { lat: 48.861234567, lng: 2.337654321 };
    const item = await owner.client.items.create({ body: newItem({ position: given }) });
    expect(item.position).toEqual(roundPosition(given));
    const row = await stack.inventory.api.db.item.findUnique({
      where: { id: item.id },
      select: { lat: true, lng: true },
    });
    expect(row).toEqual(roundPosition(given));
  });

  it("are never further from the point given than half a cell's diagonal", async () => {
    const limitKm = 250 / Math.SQRT2 / 1000;
    for (let n = 0; n < 12; n++) {
      // Points spread over latitudes from the equator to the far north, on both sides of 0°.
      const given = { lat: -60 + n * 12.345678, lng: -170 + n * 29.87654 };
      const item = await owner.client.items.create({ body: newItem({ position: given }) });
      expect(distanceKm(given, item.position!), JSON.stringify(given)).toBeLessThanOrEqual(limitKm);
    }
  });

  it("are cleared with null, which takes the item out of distance searches", async () => {
    const item = await owner.client.items.create({ body: newItem({ position: HERE }) });
    const cleared = await owner.client.items.update({ params: { id: item.id }, body: { position: null } });
    expect(cleared.position).toBeNull();
    const page = await stack.client().items.list({ query: { near: `${HERE.lat},${HERE.lng}`, limit: 100 } });
    expect(page.items.map((i) => i.id)).not.toContain(item.id);
  });

  it("are kept by a PATCH that does not name them, and dropped by a PUT that leaves them out", async () => {
    const item = await owner.client.items.create({ body: newItem({ position: HERE }) });
    const patched = await owner.client.items.update({ params: { id: item.id }, body: { title: "Renamed" } });
    expect(patched.position).toEqual(roundPosition(HERE));
    const replaced = await owner.client.items.replace({ params: { id: item.id }, body: newItem() });
    expect(replaced.position).toBeNull();
  });
});

describe("every view of an item", () => {
  it("carries its position and rules: the item, lists, the owner's list, saved items and an admin's view", async () => {
    const rules = {
      paused: true,
      minDays: 1,
      maxDays: 3,
      noticeDays: 2,
      blockedRanges: [{ start: inDays(4), end: inDays(6) }],
    };
    const item = await owner.client.items.create({ body: newItem({ position: HERE, ...rules }) });
    const expected: Partial<Item> = { id: item.id, position: roundPosition(HERE), ...rules };
    expect(await stack.client().items.get({ params: { id: item.id } })).toMatchObject(expected);
    const listed = await stack.client().items.list({ query: { ownerId: owner.id } });
    expect(listed.items.find((i) => i.id === item.id)).toMatchObject(expected);
    await saver.client.favourites.save({ params: { id: item.id } });
    const saved = await saver.client.favourites.list({});
    expect(saved.items.find((i) => i.id === item.id)).toMatchObject(expected);
    // Hidden by moderators: only its owner (in their own list) and admins see it now.
    await stack.inventory.api.db.item.update({
      where: { id: item.id },
      data: { hiddenAt: new Date(), hiddenReason: "test" },
    });
    const own = await owner.client.items.list({ query: { ownerId: owner.id } });
    expect(own.items.find((i) => i.id === item.id)).toMatchObject(expected);
    const admin = await stack.admin();
    expect(await admin.client.items.get({ params: { id: item.id } })).toMatchObject(expected);
  });
});
