import { gzipSync } from "node:zlib";
import { EMAIL_KINDS } from "@sharehood/sdk/contract";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../../src/stack.ts";
import { problemViolations, securityHeaderViolations } from "../../src/checks.ts";
import { send, sendJson, type HttpResponse } from "../../src/http.ts";
import { ALL_ROUTES, fillPath, paramNames, type NamedRoute } from "../../src/routes.ts";

// Deterministic hostile requests: the seeds the fuzzer found failures with, kept as a corpus so
// each failure has a stable, named test (and stays fixed once fixed). Every answer must be a 4xx
// problem+json, never a 5xx.

let stack: TestStack;
let token: string;
let adminToken: string;
let itemId: string;

beforeAll(async () => {
  // The corpus signs up and fails logins by the dozen from one address; rate limits are tested elsewhere.
  stack = await startStack("fuzz_regressions", {
    users: { REGISTER_MAX_PER_IP: "1000", LOGIN_MAX_FAILURES_PER_IP: "1000" },
  });
  token = (await stack.signUp()).token;
  adminToken = (await stack.admin()).token;
  itemId = (
    await (
      await stack.signUp()
    ).client.items.create({
      body: { title: "Corpus drill", description: "For the corpus", categoryId: "tools", condition: "good" },
    })
  ).id;
});
afterAll(() => stack.close());

const url = (named: NamedRoute) => stack[named.service].url;

function expectClientError(res: HttpResponse, method: string, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
  expect(problemViolations(res, method), what).toEqual([]);
}

const withParams = ALL_ROUTES.filter((r) => paramNames(r.route).length > 0);
const BROKEN_ENCODINGS = ["%", "%E0%A4%A", "%ZZ", "abc%"];

describe("a malformed percent-encoding in a path parameter is a 400, not a 500", () => {
  for (const named of withParams) {
    it(`${named.route.method} ${named.route.path}`, async () => {
      for (const broken of BROKEN_ENCODINGS) {
        const params = Object.fromEntries(paramNames(named.route).map((n) => [n, broken]));
        const path = fillPath(named.route, params, true);
        const res = await send(url(named), {
          method: named.route.method,
          path,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: named.route.body ? "{}" : undefined,
        });
        expectClientError(res, named.route.method, `${named.route.method} ${path}`);
      }
    });
  }
});

const withBodies = ALL_ROUTES.filter((r) => r.route.body !== undefined);

describe("a body that is not what its Content-Encoding says is a 4xx, not a 500", () => {
  for (const named of withBodies) {
    it(`${named.route.method} ${named.route.path}`, async () => {
      const params = Object.fromEntries(paramNames(named.route).map((n) => [n, itemId]));
      for (const encoding of ["gzip", "deflate", "br"]) {
        for (const body of [Buffer.from('{"not":"compressed"}'), gzipSync("{").subarray(0, 8)]) {
          const res = await send(url(named), {
            method: named.route.method,
            path: fillPath(named.route, params),
            headers: {
              authorization: `Bearer ${token}`,
              "content-type": "application/json",
              "content-encoding": encoding,
            },
            body,
          });
          expectClientError(
            res,
            named.route.method,
            `${named.route.method} ${named.route.path} with content-encoding ${encoding}`,
          );
        }
      }
    });
  }
});

const cursor = (position: unknown[]) => Buffer.from(JSON.stringify(position)).toString("base64url");

describe("a tampered cursor is a 400, not a 500", () => {
  const cases: [string, "users" | "inventory", string, string][] = [
    [
      "GET /items (newest) with a NUL in the cursor's id",
      "inventory",
      `/items?sort=newest&cursor=${cursor(["2024-01-01T00:00:00.000Z", "\u0000"])}`,
      "",
    ],
    [
      "GET /items (title) with a NUL in the cursor's title",
      "inventory",
      `/items?sort=title&cursor=${cursor(["\u0000", "x"])}`,
      "",
    ],
    [
      "GET /items (relevance) with a NUL in the cursor's id",
      "inventory",
      `/items?q=drill&sort=relevance&cursor=${cursor([0.5, "a\u0000b"])}`,
      "",
    ],
    [
      "GET /items (relevance) with a rank too small for a real (found by seed 20260401)",
      "inventory",
      `/items?q=drill&sort=relevance&cursor=${cursor([5.5494016176122385e-108, "{{*7}}"])}`,
      "",
    ],
    [
      "GET /items (relevance) with a rank too large for a real",
      "inventory",
      `/items?q=drill&sort=relevance&cursor=${cursor([1e39, "x"])}`,
      "",
    ],
    [
      "GET /loans with a NUL in the cursor's id",
      "inventory",
      `/loans?cursor=${cursor(["2024-01-01T00:00:00.000Z", "\u0000"])}`,
      "user",
    ],
    [
      "GET /users with a NUL in the cursor's id",
      "users",
      `/users?cursor=${cursor(["2024-01-01T00:00:00.000Z", "\u0000"])}`,
      "admin",
    ],
  ];
  for (const [title, service, path, who] of cases) {
    it(title, async () => {
      const base = service === "users" ? stack.users.url : stack.inventory.url;
      const headers: Record<string, string> = {};
      if (who) headers.authorization = `Bearer ${who === "admin" ? adminToken : token}`;
      expectClientError(await send(base, { method: "GET", path, headers }), "GET", title);
    });
  }
});

describe("a request target with no path reaches the routes' own 404 (found by seeds 7 and 42)", () => {
  // `//host@?…` parses as an authority with no path; Express answered it with its bare HTML 404.
  for (const service of ["users", "inventory"] as const) {
    it(`the ${service === "users" ? "User" : "Inventory"} API`, async () => {
      const base = service === "users" ? stack.users.url : stack.inventory.url;
      for (const path of ["//!32e92d+@?]bb2=#cc=", "//a@", "//@?x", "//%;@%49&;"]) {
        const res = await send(base, { method: "GET", path, headers: { "x-request-id": "no-path-1" } });
        expect(res.status, path).toBe(404);
        expect(problemViolations(res, "GET"), path).toEqual([]);
        expect(securityHeaderViolations(res.headers), path).toEqual([]);
      }
    });
  }
});

/**
 * Runs `race` (requests sent at once) `rounds` times, each for a newly signed-up user: no
 * answer may be a 5xx, and with `problemMethod` every error must be problem+json.
 */
async function expectNoServerError(options: {
  rounds: number;
  race: (user: Awaited<ReturnType<TestStack["signUp"]>>) => Promise<HttpResponse[]>;
  problemMethod?: string;
}) {
  const statuses: number[] = [];
  for (let i = 0; i < options.rounds; i += 1) {
    const answers = await options.race(await stack.signUp());
    statuses.push(...answers.map((a) => a.status));
    if (options.problemMethod)
      for (const a of answers) expect(problemViolations(a, options.problemMethod)).toEqual([]);
  }
  expect(
    statuses.filter((s) => s >= 500),
    `statuses ${statuses.join(",")}`,
  ).toEqual([]);
}

describe("racing requests never answer 500", () => {
  it("PATCH /users/me (a password change) racing DELETE /users/me", () =>
    expectNoServerError({
      rounds: 5,
      problemMethod: "PATCH",
      race: (user) =>
        Promise.all([
          sendJson(stack.users.url, "PATCH", "/users/me", {
            token: user.token,
            body: { name: "Racer", password: "another-password-1", currentPassword: "password123" },
          }),
          sendJson(stack.users.url, "DELETE", "/users/me", {
            token: user.token,
            body: { currentPassword: "password123" },
          }),
        ]),
    }));

  it("POST /auth/login racing DELETE /users/me (found by seed 42)", () =>
    expectNoServerError({
      rounds: 5,
      problemMethod: "POST",
      race: async (user) => {
        const login = sendJson(stack.users.url, "POST", "/auth/login", {
          body: { email: user.email, password: "password123" },
        });
        // Checking the password takes tens of milliseconds: the deletion lands while it runs.
        await new Promise((resolve) => setTimeout(resolve, 5));
        const deletion = sendJson(stack.users.url, "DELETE", "/users/me", {
          token: user.token,
          body: { currentPassword: "password123" },
        });
        return Promise.all([login, deletion]);
      },
    }));

  it("PATCH /users/:id (a role change) racing DELETE /users/:id", () =>
    // The window is narrow (between reading the user and updating it): race it a dozen times.
    expectNoServerError({
      rounds: 12,
      race: (user) =>
        Promise.all([
          sendJson(stack.users.url, "PATCH", `/users/${user.id}`, {
            token: adminToken,
            body: { role: "admin" },
          }),
          sendJson(stack.users.url, "DELETE", `/users/${user.id}`, { token: adminToken }),
          sendJson(stack.users.url, "PATCH", `/users/${user.id}`, {
            token: adminToken,
            body: { role: "user" },
          }),
        ]),
    }));
});

// Found in the Notification API (seeds 20260401, random, 7).
describe("racing requests never answer 500", () => {
  it("PUT /notification-preferences racing itself, the same kinds named in opposite orders", async () => {
    const statuses: number[] = [];
    const kinds = (order: readonly string[], email: boolean) =>
      Object.fromEntries(order.map((kind) => [kind, { email }]));
    for (let round = 0; round < 5; round += 1) {
      const person = await stack.signUp();
      const answers = await Promise.all(
        [kinds(EMAIL_KINDS, false), kinds([...EMAIL_KINDS].reverse(), true)].map((body) =>
          sendJson(stack.notifications.url, "PUT", "/notification-preferences", {
            token: person.token,
            body: { kinds: body },
          }),
        ),
      );
      statuses.push(...answers.map((a) => a.status));
    }
    expect(statuses).toEqual(Array(10).fill(200));
  });
});

describe("an over-long body is a 413, not a dropped connection", () => {
  it("POST /unsubscribe with a form body past the one-click size (found by seed 7 in the Notification API)", async () => {
    const res = await send(stack.notifications.url, {
      method: "POST",
      path: "/unsubscribe?token=whatever",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `List-Unsubscribe=One-Click&padding=${"a".repeat(10_000)}`,
    }).catch((error: Error) => ({ status: 0, error: error.message }));
    expect(res.status, "error" in res ? res.error : "").toBe(413);
    if (!("error" in res)) expect(problemViolations(res, "POST")).toEqual([]);
  });
});

// Conversations (issue 15): the shapes the fuzzer draws at random, each named once.
describe("a malformed conversation id, body, cursor or limit is a 4xx problem, never a 5xx", () => {
  let thread: string;
  const cursorOf = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");
  beforeAll(async () => {
    const res = await sendJson(stack.inventory.url, "POST", `/items/${itemId}/conversations`, {
      token,
      body: { body: "Corpus question" },
    });
    expect(res.status, res.text.slice(0, 200)).toBe(201);
    thread = (res.json as { id: string }).id;
  });

  it("thread ids that are traversal, SQL-ish, overlong or not ids at all", async () => {
    for (const id of [
      "..%2F..%2Fitems",
      "1'%20OR%20'1'%3D'1",
      "a".repeat(65),
      "%F0%9F%92%A9",
      "unread-count%00",
    ])
      for (const [method, path, body] of [
        ["GET", `/conversations/${id}`],
        ["GET", `/conversations/${id}/messages`],
        ["POST", `/conversations/${id}/messages`, { body: "hi" }],
        ["POST", `/conversations/${id}/read`],
        ["PUT", `/blocks/${id}`],
        ["DELETE", `/blocks/${id}`],
      ] as const) {
        const res = await sendJson(stack.inventory.url, method, path, { token, body });
        expectClientError(res, method, `${method} ${path}`);
      }
  });

  it("bodies that are empty, blank, too long, of the wrong type or carry other fields", async () => {
    for (const body of [
      {},
      { body: "" },
      { body: " \n\t\u00a0" },
      { body: "x".repeat(2_001) },
      { body: 42 },
      { body: ["a"] },
      { body: null },
      { body: "hi", authorId: "someone-else" },
      "just a string",
      [{ body: "hi" }],
    ]) {
      for (const path of [`/conversations/${thread}/messages`, `/items/${itemId}/conversations`]) {
        const res = await sendJson(stack.inventory.url, "POST", path, { token, body });
        expectClientError(res, "POST", `POST ${path} ${JSON.stringify(body).slice(0, 60)}`);
        expect(res.status).toBe(400);
      }
    }
  });

  it("cursors this API never issued and limits out of range, on the thread, the inbox and the blocks", async () => {
    const cursors = [
      "not-base64-%%",
      cursorOf([2 ** 31]),
      cursorOf([-1]),
      cursorOf([1.5]),
      cursorOf(["1"]),
      cursorOf([]),
      cursorOf({ seq: 1 }),
      cursorOf(["9999-99-99T00:00:00Z", "x"]),
      cursorOf(["2026-01-01T00:00:00.000Z", "\u0000"]),
      "x".repeat(513),
    ];
    for (const list of [`/conversations/${thread}/messages`, "/conversations", "/blocks"]) {
      for (const query of [
        ...cursors.map((c) => `cursor=${encodeURIComponent(c)}`),
        ...["0", "101", "-1", "1.5", "abc", "1e3", ""].map((l) => `limit=${l}`),
        "limit=1&limit=2",
      ]) {
        const res = await sendJson(stack.inventory.url, "GET", `${list}?${query}`, { token });
        expectClientError(res, "GET", `GET ${list}?${query}`);
      }
    }
  });
});
