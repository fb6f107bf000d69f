import { itemETag } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let other: Awaited<ReturnType<TestStack["signUp"]>>;

beforeAll(async () => {
  stack = await startStack("items");
  owner = await stack.signUp("Olive Owner");
  other = await stack.signUp("Oscar Other");
});
afterAll(() => stack.close());

describe("categories", () => {
  it("lists the seeded categories to anyone", async () => {
    const page = await stack.client().categories.list({});
    expect(page.items.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        "tools",
        "garden",
        "kitchen",
        "camping",
        "sports",
        "electronics",
        "kids",
        "party",
        "other",
      ]),
    );
    expect(page.nextCursor).toBeNull();
  });
});

describe("creating items", () => {
  it("creates an item owned by the caller, showing the owner's public name", async () => {
    const item = await owner.client.items.create({
      body: newItem({ title: "Camping tent", categoryId: "camping" }),
    });
    expect(item).toMatchObject({
      title: "Camping tent",
      categoryId: "camping",
      owner: { id: owner.id, name: "Olive Owner" },
      version: 1,
      photos: [],
    });
    const fetched = await stack.client().items.get({ params: { id: item.id } });
    expect(fetched).toMatchObject({ id: item.id, bookings: [] });
  });

  it("refuses fields nobody may set (id, ownerId, status, version, timestamps) and stores nothing", async () => {
    const before = await stack.inventory.api.db.item.count();
    for (const field of ["id", "ownerId", "status", "version", "createdAt", "owner"]) {
      const res = await raw(`${stack.inventory.url}/items`, {
        method: "POST",
        token: owner.token,
        body: JSON.stringify({ ...newItem(), [field]: "x" }),
      });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe("validation_failed");
    }
    expect(await stack.inventory.api.db.item.count()).toBe(before);
  });

  it("refuses imageUrls (pictures from outside links) on create, replace and update with 400, changing nothing", async () => {
    // Any visitor's browser would fetch those URLs (tracking, mixed content): pictures are uploads now.
    const item = await owner.client.items.create({ body: newItem() });
    const links = { imageUrls: ["https://tracker.example.com/pixel.gif"] };
    const before = await stack.inventory.api.db.item.count();
    for (const [method, path, body] of [
      ["POST", "/items", { ...newItem(), ...links }],
      ["PUT", `/items/${item.id}`, { ...newItem(), ...links }],
      ["PATCH", `/items/${item.id}`, links],
      ["PATCH", `/items/${item.id}`, { title: "Renamed", ...links }],
    ] as const) {
      const res = await raw(`${stack.inventory.url}${path}`, {
        method,
        token: owner.token,
        body: JSON.stringify(body),
      });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body).toMatchObject({
        code: "validation_failed",
        errors: expect.arrayContaining([{ path: "body", message: "unknown field(s): imageUrls" }]),
      });
    }
    expect(await stack.inventory.api.db.item.count()).toBe(before);
    const after = await raw(`${stack.inventory.url}/items/${item.id}`);
    expect(after.body).toMatchObject({ title: item.title, version: item.version });
    expect(after.body).not.toHaveProperty("imageUrls");
    const listed = await raw(`${stack.inventory.url}/items?ownerId=${owner.id}`);
    expect(listed.body.items!.length).toBeGreaterThan(0);
    for (const listedItem of listed.body.items!) expect(listedItem).not.toHaveProperty("imageUrls");
  });

  it("names the field when the category does not exist", async () => {
    const error = await refused(
      owner.client.items.create({ body: newItem({ categoryId: "spaceships" }) }),
      400,
      "validation_failed",
    );
    expect(error.fieldErrors).toEqual([{ path: "body.categoryId", message: "is not a category" }]);
  });

  it("answers 401 without a token and with a forged one", async () => {
    await refused(stack.client().items.create({ body: newItem() }), 401, "unauthenticated");
    await refused(stack.client("sha_forged").items.create({ body: newItem() }), 401, "unauthenticated");
  });
});

describe("editing items", () => {
  it("lets the owner PUT and PATCH, bumping the version and the ETag", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const replaced = await owner.client.items.replace(
      { params: { id: item.id }, body: newItem({ title: "Hammer drill", condition: "fair" }) },
      { ifMatch: itemETag(item) },
    );
    expect(replaced).toMatchObject({ title: "Hammer drill", condition: "fair", version: 2 });
    const patched = await owner.client.items.update(
      { params: { id: item.id }, body: { location: null } },
      { ifMatch: itemETag(replaced) },
    );
    expect(patched).toMatchObject({ title: "Hammer drill", location: null, version: 3 });
    const res = await raw(`${stack.inventory.url}/items/${item.id}`);
    expect(res.headers.get("etag")).toBe('"3"');
  });

  it("answers 412 to a write with a stale If-Match, and changes nothing", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await owner.client.items.update({ params: { id: item.id }, body: { title: "First edit" } });
    await refused(
      owner.client.items.update(
        { params: { id: item.id }, body: { title: "Stale edit" } },
        { ifMatch: itemETag(item) },
      ),
      412,
      "precondition_failed",
    );
    await refused(
      owner.client.items.update({ params: { id: item.id }, body: { title: "Weak" } }, { ifMatch: 'W/"2"' }),
      412,
      "precondition_failed",
    );
    expect((await stack.client().items.get({ params: { id: item.id } })).title).toBe("First edit");
  });

  it("lets exactly one of many concurrent If-Match writes win; the rest get 412", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        owner.client.items.update(
          { params: { id: item.id }, body: { title: `Racer ${i}` } },
          { ifMatch: itemETag(item) },
        ),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected"))
      expect((r.reason as { status: number }).status).toBe(412);
    expect((await stack.client().items.get({ params: { id: item.id } })).version).toBe(2);
  });

  it("refuses another user's edit and delete with 403", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await refused(
      other.client.items.update({ params: { id: item.id }, body: { title: "Mine now" } }),
      403,
      "forbidden",
    );
    await refused(other.client.items.replace({ params: { id: item.id }, body: newItem() }), 403, "forbidden");
    await refused(other.client.items.delete({ params: { id: item.id } }), 403, "forbidden");
    expect((await stack.client().items.get({ params: { id: item.id } })).title).toBe(item.title);
  });

  it("lets an admin edit and remove anyone's item", async () => {
    const admin = await stack.admin();
    const item = await owner.client.items.create({ body: newItem() });
    await admin.client.items.update({ params: { id: item.id }, body: { title: "Moderated title" } });
    await admin.client.items.delete({ params: { id: item.id } });
    await refused(stack.client().items.get({ params: { id: item.id } }), 404, "not_found");
  });

  it("answers 404 for unknown items and 400 for ids that are not ids", async () => {
    await refused(
      owner.client.items.update({
        params: { id: "01a2099a-0000-7000-8000-000000000000" },
        body: { title: "x" },
      }),
      404,
      "not_found",
    );
    const res = await raw(`${stack.inventory.url}/items/not%20an%20id`);
    expect(res.status).toBe(400);
  });
});

describe("removing items", () => {
  it("removes an item (204), after which it is gone from lists and pages", async () => {
    const item = await owner.client.items.create({ body: newItem({ title: "Disposable ladder" }) });
    await owner.client.items.delete({ params: { id: item.id } });
    await refused(stack.client().items.get({ params: { id: item.id } }), 404, "not_found");
    const page = await stack.client().items.list({ query: { q: "disposable ladder" } });
    expect(page.items).toHaveLength(0);
    await refused(owner.client.items.delete({ params: { id: item.id } }), 404, "not_found");
  });

  it("refuses to remove an item while a loan of it is approved or active (409), and allows it afterwards", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const loan = await other.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(3), endDate: inDays(5) },
    });
    await owner.client.loans.approve({ params: { id: loan.id } });
    await refused(owner.client.items.delete({ params: { id: item.id } }), 409, "conflict");
    await owner.client.loans.handover({ params: { id: loan.id } });
    await refused(owner.client.items.delete({ params: { id: item.id } }), 409, "conflict");
    await owner.client.loans.return({ params: { id: loan.id } });
    await owner.client.items.delete({ params: { id: item.id } });
  });

  it("cancels open requests when an item is removed, keeping their history", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const loan = await other.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(3), endDate: inDays(4) },
    });
    await owner.client.items.delete({ params: { id: item.id } });
    const after = await other.client.loans.get({ params: { id: loan.id } });
    expect(after.status).toBe("cancelled");
    expect(after.events.map((e) => e.type)).toEqual(["requested", "cancelled"]);
  });
});
