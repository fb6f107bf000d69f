import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newItem, raw } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
let user: Awaited<ReturnType<TestStack["signUp"]>>;
let itemId: string;
let loanId: string;

beforeAll(async () => {
  stack = await startStack("badinput");
  user = await stack.signUp();
  const lender = await stack.signUp();
  itemId = (await lender.client.items.create({ body: newItem() })).id;
  loanId = (
    await user.client.loans.request({
      params: { id: itemId },
      body: {
        startDate: new Date(Date.now() + 3 * 864e5).toISOString().slice(0, 10),
        endDate: new Date(Date.now() + 4 * 864e5).toISOString().slice(0, 10),
      },
    })
  ).id;
});
afterAll(() => stack.close());

const BAD_BODIES: unknown[] = [
  {},
  [],
  "text",
  42,
  null,
  { title: 1, description: [], categoryId: {}, condition: "mint", startDate: 20260101, endDate: true },
  { ...newItem(), ownerId: "someone-else" },
  { ...newItem(), status: "approved" },
  { ...newItem(), imageUrls: ["https://example.com/0.jpg"] }, // removed: pictures are uploads only
  { ...newItem(), imageUrls: ["javascript:alert(1)"] },
  { ...newItem(), title: "t".repeat(121) },
  { ...newItem(), title: "   " },
  { startDate: "2026-13-01", endDate: "2026-13-02" },
  { startDate: "tomorrow", endDate: "next week" },
  { startDate: "2999-01-01", endDate: "2999-01-02", message: "m".repeat(1001) },
  JSON.parse(`{"a":${"[".repeat(300)}${"]".repeat(300)}}`) as unknown,
  { title: "\u0000\ud800", description: "\u202e", categoryId: "tools\u0000", condition: "good" },
];

describe("bad input to every write", () => {
  const writes = () =>
    [
      ["POST", "/items"],
      ["PUT", `/items/${itemId}`],
      ["PATCH", `/items/${itemId}`],
      ["POST", `/items/${itemId}/loans`],
    ] as const;

  it("answers 4xx problem+json, never 5xx, and stores nothing", async () => {
    const counts = async () => [
      await stack.inventory.api.db.item.count(),
      await stack.inventory.api.db.loan.count(),
      (await stack.client().items.get({ params: { id: itemId } })).version,
    ];
    const before = await counts();
    for (const [method, path] of writes()) {
      for (const body of BAD_BODIES) {
        const res = await raw(`${stack.inventory.url}${path}`, {
          method,
          token: user.token,
          body: JSON.stringify(body),
        });
        expect(res.status, `${method} ${path} ${JSON.stringify(body).slice(0, 80)}`).toBeGreaterThanOrEqual(
          400,
        );
        expect(res.status).toBeLessThan(500);
        expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
        expect(res.text).not.toMatch(/\bat .*\.ts:\d+|SELECT|INSERT|prisma/i);
      }
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 400 to malformed JSON, 413 to a huge body and 415 to a body that is not JSON", async () => {
    const url = `${stack.inventory.url}/items`;
    expect((await raw(url, { method: "POST", token: user.token, body: '{"title": "x",' })).status).toBe(400);
    expect(
      (
        await raw(url, {
          method: "POST",
          token: user.token,
          body: JSON.stringify({ ...newItem(), description: "d".repeat(200_000) }),
        })
      ).status,
    ).toBe(413);
    expect(
      (
        await raw(url, {
          method: "POST",
          token: user.token,
          headers: { "content-type": "text/plain" },
          body: "title=x",
        })
      ).status,
    ).toBe(415);
  });

  it("answers 400 to ids that are not ids in every path", async () => {
    for (const path of [
      "/items/%00",
      "/items/a%20b",
      `/items/${"x".repeat(65)}`,
      "/loans/%27%3B--",
      "/loans/..%2F..%2Fetc",
    ]) {
      const res = await raw(`${stack.inventory.url}${path}`, { token: user.token });
      expect(res.status, path).toBe(400);
    }
    for (const action of ["approve", "decline", "handover", "return", "cancel"]) {
      expect(
        (
          await raw(`${stack.inventory.url}/loans/not%20an%20id/${action}`, {
            method: "POST",
            token: user.token,
          })
        ).status,
      ).toBe(400);
    }
  });

  it("answers 412 to an If-Match that is not one of its ETags", async () => {
    for (const ifMatch of ["garbage", '"-1"', 'W/"1"', '"99999"']) {
      const res = await raw(`${stack.inventory.url}/items/${itemId}`, {
        method: "PATCH",
        token: user.token,
        headers: { "if-match": ifMatch },
        body: JSON.stringify({ title: "x" }),
      });
      expect([403, 412]).toContain(res.status); // not the owner either, so 403 may come first
    }
  });

  it("answers 400 to bad loan list queries", async () => {
    for (const query of ["as=lender", "status=lost", "limit=-1", "cursor=%7B%7D"]) {
      expect((await raw(`${stack.inventory.url}/loans?${query}`, { token: user.token })).status, query).toBe(
        400,
      );
    }
    expect((await raw(`${stack.inventory.url}/loans/${loanId}`, { token: user.token })).status).toBe(200);
  });
});

describe("platform endpoints", () => {
  it("reports health, readiness and metrics", async () => {
    expect((await raw(`${stack.inventory.url}/healthz`)).body).toEqual({ status: "ok" });
    expect((await raw(`${stack.inventory.url}/readyz`)).body).toEqual({
      status: "ok",
      checks: { database: "ok", redis: "ok" },
    });
    expect((await raw(`${stack.inventory.url}/metrics`)).text).toContain('route="/items/:id"');
  });

  it("serves its OpenAPI document and docs page, generated from the contract", async () => {
    const doc = (await raw(`${stack.inventory.url}/openapi.json`)).body as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/items",
        "/items/{id}",
        "/items/{id}/loans",
        "/loans/{id}/approve",
        "/categories",
      ]),
    );
    expect((await raw(`${stack.inventory.url}/docs`)).text).toContain("Sharehood Inventory API");
  });

  it("propagates the caller's request id to the User API", async () => {
    const res = await raw(`${stack.inventory.url}/items`, {
      method: "POST",
      token: "sha_not_cached",
      headers: { "x-request-id": "trace-42" },
      body: JSON.stringify(newItem()),
    });
    expect(res.status).toBe(401);
    expect(res.body.requestId).toBe("trace-42");
  });
});
