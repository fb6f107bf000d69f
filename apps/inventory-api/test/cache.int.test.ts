import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, watchRequestSql } from "./fixtures.ts";
import { solidPng } from "./photo-fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let owner: Awaited<ReturnType<TestStack["signUp"]>>;
let borrower: Awaited<ReturnType<TestStack["signUp"]>>;

beforeAll(async () => {
  stack = await startStack("cache");
  owner = await stack.signUp("Cache Owner");
  borrower = await stack.signUp("Cache Borrower");
});
afterAll(() => stack.close());

const sqlCalls = () => watchRequestSql(stack.inventory.api.db);
const list = (query = "") => raw(`${stack.inventory.url}/items${query}`);

describe("the public read cache", () => {
  it("serves a repeated GET /items and GET /items/:id without running any SQL", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await list("?category=tools");
    await raw(`${stack.inventory.url}/items/${item.id}`);
    const spy = sqlCalls();
    await list("?category=tools");
    await raw(`${stack.inventory.url}/items/${item.id}`);
    expect(spy.count()).toBe(0);
    spy.restore();
  });

  it("answers a cache hit with the same bytes and headers as the first, uncached answer", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    for (const path of [`/items/${item.id}`, "/items?category=tools&limit=5", "/categories"]) {
      const first = await raw(`${stack.inventory.url}${path}`, { headers: { "x-request-id": "first-1" } });
      const again = await raw(`${stack.inventory.url}${path}`, { headers: { "x-request-id": "again-1" } });
      expect(again.text).toBe(first.text);
      for (const header of [
        "etag",
        "cache-control",
        "content-type",
        "x-content-type-options",
        "strict-transport-security",
        "x-frame-options",
        "content-security-policy",
      ]) {
        expect(again.headers.get(header), `${path} ${header}`).toBe(first.headers.get(header));
      }
      expect(again.headers.get("x-request-id")).toBe("again-1");
      const head = await fetch(`${stack.inventory.url}${path}`, { method: "HEAD" });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe("");
    }
  });

  it("rebuilds an entry once for a burst of requests right after an invalidation", async () => {
    await owner.client.items.create({ body: newItem() }); // invalidates
    const spy = sqlCalls();
    const responses = await Promise.all(Array.from({ length: 25 }, () => list("?sort=title")));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(spy.count()).toBe(1);
    spy.restore();
  });

  it("shows every kind of write at once: create, edit, remove", async () => {
    const q = `?q=${encodeURIComponent("gramophone")}`;
    expect((await list(q)).body.items).toHaveLength(0);
    const item = await owner.client.items.create({ body: newItem({ title: "Gramophone" }) });
    expect((await list(q)).body.items).toHaveLength(1);
    await raw(`${stack.inventory.url}/items/${item.id}`);
    await owner.client.items.update({ params: { id: item.id }, body: { title: "Antique gramophone" } });
    expect(((await list(q)).body.items as { title: string }[])[0]?.title).toBe("Antique gramophone");
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).body.title).toBe("Antique gramophone");
    await owner.client.items.delete({ params: { id: item.id } });
    expect((await list(q)).body.items).toHaveLength(0);
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).status).toBe(404);
  });

  it("shows loan changes that affect availability at once: approve, cancel, return", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const window = `?availableFrom=${inDays(4)}&availableTo=${inDays(4)}&ownerId=${owner.id}`;
    const ids = async () => ((await list(window)).body.items as { id: string }[]).map((i) => i.id);
    expect(await ids()).toContain(item.id);
    const loan = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(3), endDate: inDays(5) },
    });
    expect(await ids()).toContain(item.id); // a request books nothing
    await owner.client.loans.approve({ params: { id: loan.id } });
    expect(await ids()).not.toContain(item.id);
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).body.bookings).toHaveLength(1);
    await borrower.client.loans.cancel({ params: { id: loan.id } });
    expect(await ids()).toContain(item.id);
    const second = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(3), endDate: inDays(5) },
    });
    await owner.client.loans.approve({ params: { id: second.id } });
    await owner.client.loans.handover({ params: { id: second.id } });
    expect(await ids()).not.toContain(item.id);
    await owner.client.loans.return({ params: { id: second.id } });
    expect(await ids()).toContain(item.id);
  });

  it("shows an owner's new name and avatar once they change them and write again", async () => {
    const renamer = await stack.signUp("Old Name");
    const item = await renamer.client.items.create({ body: newItem() });
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).body.owner).toEqual({
      id: renamer.id,
      name: "Old Name",
      avatarUrl: null,
    });
    await renamer.client.users.updateMe({ body: { name: "New Name" } });
    await renamer.client.items.update({ params: { id: item.id }, body: { condition: "fair" } });
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).body.owner).toEqual({
      id: renamer.id,
      name: "New Name",
      avatarUrl: null,
    });
    const { avatarUrl } = await renamer.client.users.uploadAvatar({
      file: new Blob([new Uint8Array(await solidPng(64, 64))], { type: "image/png" }),
    });
    expect(avatarUrl).toEqual(expect.any(String));
    await renamer.client.items.update({ params: { id: item.id }, body: { condition: "good" } });
    expect((await raw(`${stack.inventory.url}/items/${item.id}`)).body.owner).toMatchObject({ avatarUrl });
  });
});
