import type { Item } from "../contract/inventory.ts";

/**
 * An item as the Inventory API answers it, for tests of the client that fake `fetch`: the contract
 * parses every answer, so the fake must be a whole, valid item. `overrides` change what a test needs.
 */
export function testItem(overrides: Partial<Item> = {}): Item {
  return {
    id: "item1",
    title: "Drill",
    description: "18V",
    categoryId: "tools",
    condition: "good",
    location: null,
    photos: [],
    owner: { id: "u1", name: "Ann", avatarUrl: null },
    hidden: null,
    position: null,
    paused: false,
    minDays: null,
    maxDays: null,
    noticeDays: 0,
    blockedRanges: [],
    version: 1,
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}
