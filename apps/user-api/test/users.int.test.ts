import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectProblem, newUser, register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
let admin: Awaited<ReturnType<typeof register>>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

beforeAll(async () => {
  t = await startTestApi("users", { ADMIN_EMAIL: "root@example.com", ADMIN_PASSWORD: "admin-password" });
  const res = await t.http
    .post("/auth/login")
    .send({ email: "root@example.com", password: "admin-password" })
    .expect(200);
  admin = { ...res.body, password: "admin-password" };
});
afterAll(() => t.close());

describe("my profile", () => {
  it("reads and edits my name and email", async () => {
    const me = await register(t.http);
    const read = await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200);
    expect(read.body).toMatchObject({ id: me.user.id, email: me.user.email, role: "user" });
    expect(read.headers["cache-control"]).toBe("no-store");
    const changed = await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ name: "  Renamed  ", email: "Renamed@Example.com", currentPassword: me.password })
      .expect(200);
    expect(changed.body).toMatchObject({ name: "Renamed", email: "renamed@example.com" });
    // Services validating the token see the new name at once (the cached answer was dropped).
    const validated = await t.http.post("/auth/validate-token").send({ token: me.accessToken }).expect(200);
    expect(validated.body.user.name).toBe("Renamed");
  });

  it("changes the email or deletes the account only with the current password, changing nothing otherwise", async () => {
    const me = await register(t.http);
    const patch = (body: object) => t.http.patch("/users/me").set(bearer(me.accessToken)).send(body);
    const missing = await patch({ email: "taken-over@example.com" });
    expectProblem(missing, 400, "validation_failed");
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: "body.currentPassword" })]);
    const wrong = await patch({ email: "taken-over@example.com", currentPassword: "not my password" });
    expectProblem(wrong, 400, "validation_failed");
    expect(wrong.body.errors).toEqual([{ path: "body.currentPassword", message: "is incorrect" }]);
    const remove = (body?: object) => t.http.delete("/users/me").set(bearer(me.accessToken)).send(body);
    expectProblem(await remove(), 400, "validation_failed");
    expectProblem(await remove({ currentPassword: "not my password" }), 400, "validation_failed");
    const after = await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200);
    expect(after.body.email).toBe(me.user.email);
  });

  it("limits wrong current passwords like sign-in failures, for the account", async () => {
    const me = await register(t.http);
    const wrong = () =>
      t.http.delete("/users/me").set(bearer(me.accessToken)).send({ currentPassword: "not my password" });
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_EMAIL; i++)
      expectProblem(await wrong(), 400, "validation_failed");
    const limited = await wrong();
    expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    // Sign-in to that account is limited as well: the guesses were against the same password.
    expectProblem(
      await t.http.post("/auth/login").send({ email: me.user.email, password: me.password }),
      429,
      "rate_limited",
    );
    await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200);
  });

  it("refuses an email another account has with 409", async () => {
    const me = await register(t.http);
    const other = await register(t.http);
    expectProblem(
      await t.http
        .patch("/users/me")
        .set(bearer(me.accessToken))
        .send({ email: other.user.email, currentPassword: me.password }),
      409,
      "conflict",
    );
  });

  it("changes the password only with the current one, and signs other sessions out", async () => {
    const me = await register(t.http);
    const otherDevice = await t.http
      .post("/auth/login")
      .send({ email: me.user.email, password: me.password })
      .expect(200);
    const wrong = await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ password: "new password 1", currentPassword: "nope" });
    expectProblem(wrong, 400, "validation_failed");
    const missing = await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ password: "new password 1" });
    expectProblem(missing, 400, "validation_failed");
    await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ password: "new password 1", currentPassword: me.password })
      .expect(200);
    await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200);
    expectProblem(
      await t.http.get("/users/me").set(bearer(otherDevice.body.accessToken)),
      401,
      "unauthenticated",
    );
    await t.http.post("/auth/login").send({ email: me.user.email, password: "new password 1" }).expect(200);
  });

  it("refuses a change that changes nothing, and fields nobody may set", async () => {
    const me = await register(t.http);
    expectProblem(
      await t.http.patch("/users/me").set(bearer(me.accessToken)).send({}),
      400,
      "validation_failed",
    );
    for (const field of ["role", "id", "createdAt", "passwordHash"]) {
      const res = await t.http
        .patch("/users/me")
        .set(bearer(me.accessToken))
        .send({ [field]: "admin" });
      expectProblem(res, 400, "validation_failed");
    }
    const after = await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200);
    expect(after.body.role).toBe("user");
  });

  it("deletes my account: my tokens stop working and I can register again", async () => {
    const body = newUser();
    const me = await register(t.http, body);
    await t.http
      .delete("/users/me")
      .set(bearer(me.accessToken))
      .send({ currentPassword: body.password })
      .expect(204);
    expectProblem(await t.http.get("/users/me").set(bearer(me.accessToken)), 401, "unauthenticated");
    expectProblem(await t.http.get(`/users/${me.user.id}`), 404, "not_found");
    await t.http.post("/auth/register").send(body).expect(201);
  });

  it("answers 401 to every /users/me call without a valid token", async () => {
    expectProblem(await t.http.get("/users/me"), 401, "unauthenticated");
    expectProblem(
      await t.http.get("/users/me").set("authorization", "Bearer sha_forged"),
      401,
      "unauthenticated",
    );
    expectProblem(
      await t.http.patch("/users/me").set("authorization", "Basic abc").send({ name: "x" }),
      401,
      "unauthenticated",
    );
    expectProblem(await t.http.delete("/users/me"), 401, "unauthenticated");
  });
});

describe("public profiles", () => {
  it("shows anyone a user's id, name and join date, nothing more", async () => {
    const someone = await register(t.http);
    const res = await t.http.get(`/users/${someone.user.id}`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(["createdAt", "id", "name"]);
  });

  it("answers 404 for an unknown id and 400 for one that is not an id", async () => {
    expectProblem(await t.http.get("/users/00000000-0000-0000-0000-000000000000"), 404, "not_found");
    expectProblem(await t.http.get("/users/not%20an%20id"), 400, "validation_failed");
  });
});

describe("administration", () => {
  it("lists users only for holders of user.list", async () => {
    const plain = await register(t.http);
    expectProblem(await t.http.get("/users").set(bearer(plain.accessToken)), 403, "forbidden");
    expectProblem(await t.http.get("/users"), 401, "unauthenticated");
    const res = await t.http.get("/users?limit=5").set(bearer(admin.accessToken)).expect(200);
    expect(res.body.items.length).toBeLessThanOrEqual(5);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|passwordHash/);
  });

  it("pages through every user exactly once, newest first, and filters by ?q=", async () => {
    const tagged = await Promise.all(
      [1, 2, 3, 4, 5].map((i) => register(t.http, newUser({ name: `Pager ${i}` }))),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/users?limit=2&q=pager${cursor ? `&cursor=${cursor}` : ""}`;
      const res = await t.http.get(url).set(bearer(admin.accessToken)).expect(200);
      seen.push(...(res.body.items as { id: string }[]).map((u) => u.id));
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(tagged.map((u) => u.user.id).sort());
    expectProblem(
      await t.http.get("/users?cursor=garbage").set(bearer(admin.accessToken)),
      400,
      "validation_failed",
    );
    expectProblem(
      await t.http.get("/users?limit=101").set(bearer(admin.accessToken)),
      400,
      "validation_failed",
    );
  });

  it("changes a role; the new permissions apply at once", async () => {
    const someone = await register(t.http);
    await t.http.post("/auth/validate-token").send({ token: someone.accessToken }).expect(200); // now cached
    expectProblem(
      await t.http
        .patch(`/users/${someone.user.id}`)
        .set(bearer(someone.accessToken))
        .send({ role: "admin" }),
      403,
      "forbidden",
    );
    const res = await t.http
      .patch(`/users/${someone.user.id}`)
      .set(bearer(admin.accessToken))
      .send({ role: "admin" })
      .expect(200);
    expect(res.body.role).toBe("admin");
    const validated = await t.http
      .post("/auth/validate-token")
      .send({ token: someone.accessToken })
      .expect(200);
    expect(validated.body.user.role).toBe("admin");
    expect(validated.body.permissions).toContain("user.delete");
    expectProblem(
      await t.http.patch(`/users/${someone.user.id}`).set(bearer(admin.accessToken)).send({ role: "root" }),
      400,
      "validation_failed",
    );
    expectProblem(
      await t.http
        .patch("/users/00000000-0000-0000-0000-000000000000")
        .set(bearer(admin.accessToken))
        .send({ role: "user" }),
      404,
      "not_found",
    );
  });

  it("deletes a user; their tokens stop working", async () => {
    const victim = await register(t.http);
    const plain = await register(t.http);
    expectProblem(
      await t.http.delete(`/users/${victim.user.id}`).set(bearer(plain.accessToken)),
      403,
      "forbidden",
    );
    await t.http.delete(`/users/${victim.user.id}`).set(bearer(admin.accessToken)).expect(204);
    expectProblem(
      await t.http.post("/auth/validate-token").send({ token: victim.accessToken }),
      401,
      "unauthenticated",
    );
    expectProblem(
      await t.http.delete(`/users/${victim.user.id}`).set(bearer(admin.accessToken)),
      404,
      "not_found",
    );
  });
});
