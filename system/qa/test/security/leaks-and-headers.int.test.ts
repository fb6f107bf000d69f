import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type TestStack } from "../../src/stack.ts";
import { securityHeaderViolations } from "../../src/checks.ts";
import type { HttpResponse } from "../../src/http.ts";
import { SERVICES } from "../../src/routes.ts";
import { avatarField } from "../../src/security/profile-specs.ts";
import { inDays, newItemBody, pngUpload, SecurityWorld, type Actor } from "../../src/security/world.ts";

let stack: TestStack;
let world: SecurityWorld;
let alice: Actor;
let bob: Actor;
let admin: Actor;

beforeAll(async () => {
  // Three failed logins per email before 429, so this file reaches one quickly.
  stack = await startStack("security_leaks", { users: { LOGIN_MAX_FAILURES_PER_EMAIL: "3" } });
  world = new SecurityWorld(stack, "leaks");
  await world.setUp();
  alice = world.actor("alice");
  bob = world.actor("bob");
  admin = world.actor("admin");
});
afterAll(() => stack.close());

const hasHash = (res: HttpResponse) => /\$argon2|passwordHash|password_hash/.test(res.text);

describe("no response carries a password hash", () => {
  it("stores argon2id hashes, so a leaked one would be recognised", async () => {
    const rows = await stack.users.api.db.user.findMany({ select: { passwordHash: true }, take: 3 });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("leaves it out of register, login, refresh, validate-token, /users/me, profile edits and avatars, the admin's user list, role changes and suspensions", async () => {
    const responses: [string, HttpResponse][] = [];
    const note = async (what: string, res: Promise<HttpResponse>) => responses.push([what, await res]);
    const email = `leak-check-${Date.now()}@example.com`;
    await note(
      "register",
      world.call("users", "POST", "/auth/register", {
        body: { email, password: "leak-check-pass", name: "Leak" },
      }),
    );
    await note(
      "login",
      world.call("users", "POST", "/auth/login", { body: { email, password: "leak-check-pass" } }),
    );
    const login = responses.at(-1)![1].json as {
      accessToken: string;
      refreshToken: string;
      user: { id: string };
    };
    await note(
      "refresh",
      world.call("users", "POST", "/auth/refresh", { body: { refreshToken: login.refreshToken } }),
    );
    const refreshed = responses.at(-1)![1].json as { accessToken: string };
    await note(
      "validate-token",
      world.call("users", "POST", "/auth/validate-token", { body: { token: refreshed.accessToken } }),
    );
    await note("me", world.call("users", "GET", "/users/me", { token: refreshed.accessToken }));
    await note(
      "rename",
      world.call("users", "PATCH", "/users/me", { token: refreshed.accessToken, body: { name: "Leak Two" } }),
    );
    await note(
      "avatar",
      world.call("users", "PUT", "/users/me/avatar", {
        token: refreshed.accessToken,
        rawBody: pngUpload(avatarField()),
      }),
    );
    await note(
      "password change",
      world.call("users", "PATCH", "/users/me", {
        token: refreshed.accessToken,
        body: { password: "leak-check-pass-2", currentPassword: "leak-check-pass" },
      }),
    );
    await note("public profile", world.call("users", "GET", `/users/${login.user.id}`));
    await note("user list", world.call("users", "GET", "/users?limit=100", { token: admin.token }));
    await note(
      "user search",
      world.call("users", "GET", `/users?q=${encodeURIComponent("leak")}`, { token: admin.token }),
    );
    await note(
      "role change",
      world.call("users", "PATCH", `/users/${login.user.id}`, {
        token: admin.token,
        body: { role: "admin" },
      }),
    );
    const suspendee = await world.newActor("suspendee");
    await note(
      "suspension",
      world.call("users", "POST", `/users/${suspendee.id}/suspend`, {
        token: admin.token,
        body: { reason: "Leak check" },
      }),
    );
    await note(
      "suspension lifted",
      world.call("users", "POST", `/users/${suspendee.id}/unsuspend`, { token: admin.token, body: {} }),
    );
    await note(
      "wrong password",
      world.call("users", "POST", "/auth/login", { body: { email, password: "not-the-password" } }),
    );
    const item = await world.createItem(alice, "Leak check drill");
    await note("item", world.call("inventory", "GET", `/items/${item.id}`));
    await note("items", world.call("inventory", "GET", `/items?ownerId=${alice.id}`));
    await note(
      "loan",
      world.call("inventory", "POST", `/items/${item.id}/loans`, {
        token: bob.token,
        body: { startDate: inDays(4), endDate: inDays(5) },
      }),
    );
    await note("loans", world.call("inventory", "GET", "/loans", { token: bob.token }));
    await note("all loans", world.call("inventory", "GET", "/admin/loans?limit=100", { token: admin.token }));
    await note("reviews of a person", world.call("inventory", "GET", `/users/${alice.id}/reviews`));

    expect(responses.map(([what, res]) => [what, res.status])).toEqual([
      ["register", 201],
      ["login", 200],
      ["refresh", 200],
      ["validate-token", 200],
      ["me", 200],
      ["rename", 200],
      ["avatar", 200],
      ["password change", 200],
      ["public profile", 200],
      ["user list", 200],
      ["user search", 200],
      ["role change", 200],
      ["suspension", 200],
      ["suspension lifted", 200],
      ["wrong password", 401],
      ["item", 200],
      ["items", 200],
      ["loan", 201],
      ["loans", 200],
      ["all loans", 200],
      ["reviews of a person", 200],
    ]);
    expect(
      responses.filter(([, res]) => hasHash(res) || res.text.includes("leak-check-pass")).map(([w]) => w),
    ).toEqual([]);
    const list = responses.find(([w]) => w === "user list")![1].json as { items: Record<string, unknown>[] };
    expect(list.items.length).toBeGreaterThan(5);
    for (const user of list.items)
      expect(Object.keys(user).sort()).toEqual([
        "avatarUrl",
        "bio",
        "createdAt",
        "email",
        "emailVerified",
        "id",
        "name",
        "neighbourhood",
        "role",
        "suspension",
        "updatedAt",
      ]);
  });
});

describe("security headers on every kind of response", () => {
  it("sends them on successes, 304s, errors of every status, 404s, HEAD, OPTIONS and the platform endpoints", async () => {
    const item = await world.createItem(alice, "Header check");
    const cached = await world.call("inventory", "GET", `/items/${item.id}`);
    const etag = String(cached.headers.etag);
    const bigBody = { title: "x".repeat(200_000) };
    const cases: [string, number, Promise<HttpResponse>][] = [];
    const add = (what: string, status: number, res: Promise<HttpResponse>) => cases.push([what, status, res]);
    // Per service: a path that answers OPTIONS, and a JSON write to send broken bodies to.
    const paths = {
      users: { options: "/users/me", write: "/auth/login" },
      inventory: { options: "/items", write: "/items" },
      notifications: { options: "/notifications", write: "/notifications/read" },
    };
    for (const service of SERVICES) {
      add(`${service} healthz`, 200, world.call(service, "GET", "/healthz"));
      add(`${service} readyz`, 200, world.call(service, "GET", "/readyz"));
      add(`${service} metrics`, 200, world.call(service, "GET", "/metrics"));
      add(`${service} openapi`, 200, world.call(service, "GET", "/openapi.json"));
      add(`${service} docs`, 200, world.call(service, "GET", "/docs"));
      add(`${service} unknown route`, 404, world.call(service, "GET", "/no/such/route"));
      add(`${service} traversal`, 404, world.call(service, "GET", "/items/../../etc/passwd"));
      add(`${service} HEAD`, 200, world.call(service, "HEAD", "/healthz"));
      add(`${service} OPTIONS`, 200, world.call(service, "OPTIONS", paths[service].options));
      add(
        `${service} malformed JSON`,
        400,
        world.recorder.send(world.url(service), {
          method: "POST",
          path: paths[service].write,
          headers: { "content-type": "application/json", authorization: `Bearer ${alice.token}` },
          body: "{ not json",
        }),
      );
      add(
        `${service} too large`,
        413,
        world.call(service, "POST", paths[service].write, {
          token: alice.token,
          body: bigBody,
        }),
      );
      add(
        `${service} wrong media type`,
        415,
        world.recorder.send(world.url(service), {
          method: "POST",
          path: paths[service].write,
          headers: { "content-type": "text/plain", authorization: `Bearer ${alice.token}` },
          body: "hello",
        }),
      );
    }
    add(
      "users 201",
      201,
      world.call("users", "POST", "/auth/register", {
        body: { email: `hdr-${Date.now()}@example.com`, password: "header-pass-1", name: "H" },
      }),
    );
    add("users 401", 401, world.call("users", "GET", "/users/me"));
    add("users 403", 403, world.call("users", "GET", "/users", { token: bob.token }));
    add("inventory 403", 403, world.call("inventory", "GET", "/admin/loans", { token: bob.token }));
    add("users 404", 404, world.call("users", "GET", "/users/no-such-user"));
    add(
      "users 409",
      409,
      world.call("users", "POST", "/auth/register", {
        body: { email: alice.email, password: "header-pass-1", name: "H" },
      }),
    );
    add("inventory 200", 200, world.call("inventory", "GET", "/items"));
    add(
      "inventory cached hit (served before Express)",
      200,
      (async () => {
        await world.call("inventory", "GET", "/categories");
        return world.call("inventory", "GET", "/categories");
      })(),
    );
    add(
      "inventory 304",
      304,
      world.call("inventory", "GET", `/items/${item.id}`, { headers: { "if-none-match": etag } }),
    );
    add("inventory 401", 401, world.call("inventory", "POST", "/items", { body: newItemBody("x") }));
    add(
      "inventory 403",
      403,
      world.call("inventory", "PATCH", `/items/${item.id}`, {
        token: bob.token,
        body: { title: "Mine now" },
      }),
    );
    add("inventory 404", 404, world.call("inventory", "GET", "/items/no-such-item"));
    add(
      "inventory 412",
      412,
      world.call("inventory", "PATCH", `/items/${item.id}`, {
        token: alice.token,
        body: { title: "Stale" },
        headers: { "if-match": '"999"' },
      }),
    );
    add(
      "inventory 422",
      422,
      (async () => {
        await world.call("inventory", "POST", "/items", {
          token: alice.token,
          body: newItemBody("Once"),
          headers: { "idempotency-key": "hdr-key" },
        });
        return world.call("inventory", "POST", "/items", {
          token: alice.token,
          body: newItemBody("Twice"),
          headers: { "idempotency-key": "hdr-key" },
        });
      })(),
    );
    add(
      "inventory 204",
      204,
      world.call("inventory", "DELETE", `/items/${(await world.createItem(alice, "Delete me")).id}`, {
        token: alice.token,
      }),
    );

    const results: [string, number, number, string[]][] = [];
    for (const [what, expected, res] of cases) {
      const r = await res;
      results.push([what, expected, r.status, securityHeaderViolations(r.headers)]);
    }
    // 429 last: it locks alice's email for a while.
    for (let i = 0; i < 4; i += 1)
      await world.call("users", "POST", "/auth/login", {
        body: { email: alice.email, password: `wrong-${i}` },
      });
    const limited = await world.call("users", "POST", "/auth/login", {
      body: { email: alice.email, password: "wrong-again" },
    });
    results.push(["users 429", 429, limited.status, securityHeaderViolations(limited.headers)]);
    expect(limited.headers["retry-after"]).toBeDefined();

    expect(
      results
        .filter(([, expected, got]) => expected !== got)
        .map(([w, e, g]) => `${w}: expected ${e}, got ${g}`),
    ).toEqual([]);
    expect(
      results.filter(([, , , problems]) => problems.length > 0).map(([w, , , p]) => `${w}: ${p.join(", ")}`),
    ).toEqual([]);
  });
});

describe("every response this file saw", () => {
  it("carried the security headers and no password hash, stack trace or SQL", () => {
    console.log(
      `[security leaks] ${world.recorder.seen.length} responses checked; statuses ${JSON.stringify(world.recorder.statuses())}`,
    );
    expect(world.recorder.violations).toEqual([]);
  });
});
