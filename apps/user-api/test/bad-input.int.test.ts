import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi("badinput");
  token = (await register(t.http)).accessToken;
});
afterAll(() => t.close());

const WRITES = [
  ["post", "/auth/register"],
  ["post", "/auth/login"],
  ["post", "/auth/refresh"],
  ["post", "/auth/validate-token"],
  ["patch", "/users/me"],
] as const;

const BAD_BODIES: [string, unknown][] = [
  ["an empty object", {}],
  ["wrong types", { email: 42, password: ["x"], name: { a: 1 }, token: 7, refreshToken: false }],
  ["nulls", { email: null, password: null, name: null, token: null, refreshToken: null }],
  ["an array", [1, 2, 3]],
  ["a string", "hello"],
  [
    "unknown fields",
    {
      email: "a@example.com",
      password: "password1",
      name: "A",
      token: "t",
      refreshToken: "r",
      isAdmin: true,
    },
  ],
  ["deep nesting", JSON.parse("[".repeat(500) + "]".repeat(500)) as unknown],
  [
    "huge strings",
    {
      email: `${"a".repeat(5000)}@example.com`,
      password: "p".repeat(5000),
      name: "n".repeat(5000),
      token: "t".repeat(5000),
      refreshToken: "r".repeat(5000),
    },
  ],
  [
    "unicode oddities",
    {
      email: "ü\u0000@example.com",
      password: "\ud800\udc00\u202e".repeat(3),
      name: "\u0000",
      token: "\u202e",
      refreshToken: "\ud83d",
    },
  ],
];

describe("bad input", () => {
  it.each(WRITES)(
    "%s %s answers 4xx problem+json for every malformed body and stores nothing",
    async (method, path) => {
      const before = await t.api.db.user.count();
      for (const [, body] of BAD_BODIES) {
        const res = await t.http[method](path)
          .set("authorization", `Bearer ${token}`)
          .send(body as object);
        expect(
          res.status,
          `${method} ${path} with ${JSON.stringify(body).slice(0, 60)}`,
        ).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      }
      expect(await t.api.db.user.count()).toBe(before);
    },
  );

  it("answers 400 to malformed JSON", async () => {
    const res = await t.http
      .post("/auth/register")
      .set("content-type", "application/json")
      .send('{"email": "a@example.com",');
    expectProblem(res, 400, "validation_failed");
    expect(res.body.detail).toBe("The body is not valid JSON");
  });

  it("answers 413 to a body over the limit", async () => {
    const res = await t.http
      .post("/auth/register")
      .send({ email: "a@example.com", password: "x".repeat(200_000), name: "A" });
    expectProblem(res, 413, "payload_too_large");
  });

  it("answers 415 to a body that is not JSON", async () => {
    const res = await t.http
      .post("/auth/login")
      .set("content-type", "text/plain")
      .send("email=a@example.com");
    expectProblem(res, 415, "unsupported_media_type");
    const form = await t.http
      .post("/auth/login")
      .type("form")
      .send({ email: "a@example.com", password: "whatever1" });
    expectProblem(form, 415, "unsupported_media_type");
  });

  it("refuses NUL characters, which PostgreSQL cannot store, with 400 naming the field", async () => {
    const res = await t.http
      .post("/auth/register")
      .send({ email: "nul@example.com", password: "password123", name: "Nul\u0000Byte" });
    expectProblem(res, 400, "validation_failed");
    expect(res.body.errors).toEqual([
      { path: "body.name", message: "must not contain NUL (\\u0000) characters" },
    ]);
    expect(await t.api.db.user.count({ where: { email: "nul@example.com" } })).toBe(0);
  });

  it("answers 400 with field paths when the body is missing", async () => {
    const res = await t.http.post("/auth/login");
    expectProblem(res, 400, "validation_failed");
  });

  it("lists every invalid field", async () => {
    const res = await t.http
      .post("/auth/register")
      .send({ email: "not-an-email", password: "short", name: "" });
    expectProblem(res, 400, "validation_failed");
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual([
      "body.email",
      "body.name",
      "body.password",
    ]);
  });

  it("answers 404 problem+json for unknown routes and methods", async () => {
    expectProblem(await t.http.get("/nope"), 404, "not_found");
    expectProblem(await t.http.put("/users/me").send({}), 404, "not_found");
  });

  it("ignores a malicious request id and makes its own", async () => {
    const res = await t.http.get("/nope").set("x-request-id", "<script>alert(1)</script>");
    expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.requestId).toBe(res.headers["x-request-id"]);
  });
});
