import { randomUUID } from "node:crypto";
import type { AuditRecord, RevocationEvent } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectRevocations,
  eventsAbout,
  expectProblem,
  newUser,
  register,
  signInRootAdmin,
  startTestApi,
  WITH_ROOT_ADMIN,
  type TestApi,
} from "./harness.ts";

let t: TestApi;
let admin: Awaited<ReturnType<typeof register>>;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let revocations: RevocationEvent[] = [];

/** The audit entries written about a user (internal `audit.recorded` events in the outbox). */
async function auditOf(userId: string): Promise<AuditRecord[]> {
  return (await eventsAbout(t, userId)).flatMap((event) =>
    event.type === "audit.recorded" ? [event.payload] : [],
  );
}

/** Waits for the revocation event of `reason` about `userId` (pub/sub is delivered after the answer). */
async function revocation(userId: string, reason: RevocationEvent["reason"]): Promise<RevocationEvent> {
  for (let tries = 0; tries < 200; tries++) {
    const found = revocations.find((event) => event.userId === userId && event.reason === reason);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no ${reason} revocation for ${userId}`);
}

beforeAll(async () => {
  t = await startTestApi("users", {
    ...WITH_ROOT_ADMIN,
    // More people than one address may register in a window by default.
    REGISTER_MAX_PER_IP: "100",
  });
  admin = await signInRootAdmin(t);
  revocations = await collectRevocations(t);
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
  it("shows anyone the profile a person edits (bio, neighbourhood; empty clears), nothing private", async () => {
    const someone = await register(t.http);
    const edit = (body: object) => t.http.patch("/users/me").set(bearer(someone.accessToken)).send(body);
    const edited = await edit({ bio: "  I lend tools.  ", neighbourhood: "Old Town" }).expect(200);
    expect(edited.body).toMatchObject({ bio: "I lend tools.", neighbourhood: "Old Town", suspension: null });
    // Over the limits: refused whole, nothing changes.
    expectProblem(await edit({ bio: "x".repeat(501), neighbourhood: "Elsewhere" }), 400, "validation_failed");
    expectProblem(await edit({ neighbourhood: "x".repeat(81) }), 400, "validation_failed");
    const res = await t.http.get(`/users/${someone.user.id}`).expect(200);
    expect(res.body).toEqual({
      id: someone.user.id,
      name: someone.user.name,
      createdAt: expect.any(String),
      bio: "I lend tools.",
      neighbourhood: "Old Town",
      avatarUrl: null,
      emailVerified: false,
    });
    await edit({ bio: "", neighbourhood: null }).expect(200);
    const cleared = await t.http.get(`/users/${someone.user.id}`).expect(200);
    expect(cleared.body).toMatchObject({ bio: null, neighbourhood: null });
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
      .send({ role: "admin", reason: "Helps with moderation" })
      .expect(200);
    expect(res.body.role).toBe("admin");
    // The change is in the audit log, written with it; asking for the same role again writes nothing.
    await t.http.patch(`/users/${someone.user.id}`).set(bearer(admin.accessToken)).send({ role: "admin" });
    expect(await auditOf(someone.user.id)).toEqual([
      {
        action: "user.role_changed",
        actor: { id: admin.user.id, name: admin.user.name },
        subject: { type: "user", id: someone.user.id, label: someone.user.name },
        reason: "Helps with moderation",
        details: { from: "user", to: "admin" },
        at: expect.any(String),
      },
    ]);
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

  it("deletes a user, with or without a reason; their tokens stop working and the audit log says why", async () => {
    const victim = await register(t.http);
    const other = await register(t.http);
    const plain = await register(t.http);
    expectProblem(
      await t.http.delete(`/users/${victim.user.id}`).set(bearer(plain.accessToken)),
      403,
      "forbidden",
    );
    expectProblem(
      await t.http.delete(`/users/${other.user.id}`).set(bearer(admin.accessToken)).send({ reason: "" }),
      400,
      "validation_failed",
    );
    await t.http.delete(`/users/${victim.user.id}`).set(bearer(admin.accessToken)).expect(204);
    await t.http
      .delete(`/users/${other.user.id}`)
      .set(bearer(admin.accessToken))
      .send({ reason: "Spam account" })
      .expect(204);
    expect((await auditOf(victim.user.id)).map((entry) => [entry.action, entry.reason])).toEqual([
      ["user.deleted", null],
    ]);
    expect(await auditOf(other.user.id)).toEqual([
      expect.objectContaining({
        action: "user.deleted",
        actor: { id: admin.user.id, name: admin.user.name },
        subject: { type: "user", id: other.user.id, label: other.user.name },
        reason: "Spam account",
      }),
    ]);
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

  it("suspends an account at once everywhere, and lifting it lets the person sign in again", async () => {
    const person = await register(t.http);
    const plain = await register(t.http);
    const laptop = await t.http
      .post("/auth/login")
      .send({ email: person.user.email, password: person.password })
      .expect(200);
    await t.http.post("/auth/validate-token").send({ token: person.accessToken }).expect(200); // now cached
    const suspend = (id: string, token: string, body: object) =>
      t.http.post(`/users/${id}/suspend`).set(bearer(token)).send(body);
    expectProblem(await suspend(person.user.id, plain.accessToken, { reason: "x" }), 403, "forbidden");
    expectProblem(await suspend(admin.user.id, admin.accessToken, { reason: "x" }), 409, "conflict");
    expectProblem(await suspend(person.user.id, admin.accessToken, {}), 400, "validation_failed");
    expectProblem(await suspend(randomUUID(), admin.accessToken, { reason: "x" }), 404, "not_found");
    expect((await auditOf(person.user.id)).length).toBe(0); // refusals change and record nothing

    const reportId = randomUUID();
    const suspended = await suspend(person.user.id, admin.accessToken, { reason: "Unsafe items", reportId });
    expect(suspended.status).toBe(200);
    expect(suspended.body.suspension).toEqual({ at: expect.any(String), reason: "Unsafe items" });
    // Every token of the account is refused at once (cached or not), saying why; so is signing in,
    // but only to whoever knows the password.
    for (const token of [person.accessToken, laptop.body.accessToken as string]) {
      expectProblem(await t.http.post("/auth/validate-token").send({ token }), 403, "account_suspended");
      expectProblem(await t.http.get("/users/me").set(bearer(token)), 403, "account_suspended");
    }
    expectProblem(
      await t.http.post("/auth/refresh").send({ refreshToken: person.refreshToken }),
      403,
      "account_suspended",
    );
    const login = (password: string) =>
      t.http.post("/auth/login").send({ email: person.user.email, password });
    expectProblem(await login(person.password), 403, "account_suspended");
    expectProblem(await login("not the password"), 401, "unauthenticated");
    // The other services hear of it with every token to drop.
    const announced = await revocation(person.user.id, "user_suspended");
    expect(announced.tokenHashes).toHaveLength(2);
    const listed = await t.http
      .get(`/users?q=${encodeURIComponent(person.user.email)}`)
      .set(bearer(admin.accessToken));
    expect(listed.body.items[0].suspension).toMatchObject({ reason: "Unsafe items" });
    // The public event and the audit entry were written with it.
    const events = await eventsAbout(t, person.user.id);
    expect(events.find((event) => event.type === "user.suspended")).toMatchObject({
      actor: { id: admin.user.id },
      payload: { user: { id: person.user.id } },
    });
    expect(await auditOf(person.user.id)).toEqual([
      {
        action: "user.suspended",
        actor: { id: admin.user.id, name: admin.user.name },
        subject: { type: "user", id: person.user.id, label: person.user.name },
        reason: "Unsafe items",
        details: { reportId },
        at: expect.any(String),
      },
    ]);

    expectProblem(
      await t.http.post(`/users/${person.user.id}/unsuspend`).set(bearer(plain.accessToken)),
      403,
      "forbidden",
    );
    const lifted = await t.http
      .post(`/users/${person.user.id}/unsuspend`)
      .set(bearer(admin.accessToken))
      .expect(200);
    expect(lifted.body.suspension).toBeNull();
    expect(await revocation(person.user.id, "user_unsuspended")).toMatchObject({ tokenHashes: [] });
    await login(person.password).expect(200);
    // The sessions the suspension ended stay ended.
    expectProblem(
      await t.http.post("/auth/validate-token").send({ token: person.accessToken }),
      401,
      "unauthenticated",
    );
    expect((await auditOf(person.user.id)).map((entry) => [entry.action, entry.reason])).toEqual([
      ["user.suspended", "Unsafe items"],
      ["user.unsuspended", null],
    ]);
  });
});
