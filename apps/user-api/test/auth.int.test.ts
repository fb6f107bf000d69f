import { Redis } from "ioredis";
import type { Response } from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PERMISSIONS_BY_ROLE } from "@sharehood/sdk";
import { hashToken } from "@sharehood/server-kit";
import { testRedisUrl } from "@sharehood/test-stack";
import { expectProblem, newUser, register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("auth");
});
afterAll(() => t.close());

describe("register", () => {
  it("creates an account and signs it in, never returning a password hash", async () => {
    const body = newUser({ email: "Mixed.Case@Example.COM" });
    const res = await t.http.post("/auth/register").send(body).expect(201);
    expect(res.body.user).toMatchObject({ email: "mixed.case@example.com", name: body.name, role: "user" });
    // What the token may do comes with it: no validate-token call needed after signing in.
    expect(res.body.permissions).toEqual([...PERMISSIONS_BY_ROLE.user]);
    expect(res.body.accessToken).toMatch(/^sha_/);
    expect(res.body.refreshToken).toMatch(/^shr_/);
    expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now());
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
    const stored = await t.api.db.user.findUniqueOrThrow({ where: { email: "mixed.case@example.com" } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("refuses an email already taken, whatever its case, with 409", async () => {
    const body = newUser();
    await register(t.http, body);
    const res = await t.http.post("/auth/register").send({ ...body, email: body.email.toUpperCase() });
    expectProblem(res, 409, "conflict");
  });

  it("refuses a password shorter than 8 characters with 400 naming the field", async () => {
    const res = await t.http.post("/auth/register").send(newUser({ password: "short" }));
    expectProblem(res, 400, "validation_failed");
    expect(res.body.errors).toContainEqual({
      path: "body.password",
      message: "must be at least 8 characters",
    });
  });

  it("never lets a client choose its role", async () => {
    const res = await t.http.post("/auth/register").send({ ...newUser(), role: "admin" });
    expectProblem(res, 400, "validation_failed");
    expect(res.body.errors[0].message).toMatch(/unknown field\(s\): role/);
  });
});

describe("login", () => {
  it("signs in with the right password, whatever the email's case", async () => {
    const user = await register(t.http);
    const res = await t.http
      .post("/auth/login")
      .send({ email: user.user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(res.body.user.id).toBe(user.user.id);
    expect(res.body.accessToken).not.toBe(user.accessToken);
  });

  it("gives the same 401 for a wrong password and an unknown email", async () => {
    const user = await register(t.http);
    const wrongPassword = await t.http
      .post("/auth/login")
      .send({ email: user.user.email, password: "not the password" });
    const unknownEmail = await t.http
      .post("/auth/login")
      .send({ email: "nobody@example.com", password: "whatever1" });
    expectProblem(wrongPassword, 401, "unauthenticated");
    expectProblem(unknownEmail, 401, "unauthenticated");
    expect(wrongPassword.body.detail).toBe(unknownEmail.body.detail);
  });
});

describe("validate-token", () => {
  it("answers who the token belongs to and their permissions", async () => {
    const user = await register(t.http);
    const res = await t.http.post("/auth/validate-token").send({ token: user.accessToken }).expect(200);
    expect(res.body).toEqual({
      valid: true,
      user: {
        id: user.user.id,
        email: user.user.email,
        name: expect.any(String),
        role: "user",
        avatarUrl: null,
      },
      permissions: [...PERMISSIONS_BY_ROLE.user],
      expiresAt: expect.any(String),
      tokenKind: "session",
    });
  });

  it("answers 401 with valid:false for an unknown token", async () => {
    const res = await t.http.post("/auth/validate-token").send({ token: "sha_forged" });
    expectProblem(res, 401, "unauthenticated");
    expect(res.body.valid).toBe(false);
  });

  it("caches answers in Redis under the token's hash, never the token itself", async () => {
    const user = await register(t.http);
    await t.http.post("/auth/validate-token").send({ token: user.accessToken }).expect(200);
    const redis = new Redis(testRedisUrl());
    const keys = await redis.keys(`${t.namespace}:user-api:vt:*`);
    await redis.quit();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join()).not.toContain(user.accessToken);
  });

  it("refuses an expired access token", async () => {
    const short = await startTestApi("auth_expiry", { ACCESS_TOKEN_TTL_SECONDS: "1" });
    try {
      const user = await register(short.http);
      await short.http.post("/auth/validate-token").send({ token: user.accessToken }).expect(200);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      const res = await short.http.post("/auth/validate-token").send({ token: user.accessToken });
      expectProblem(res, 401, "unauthenticated");
    } finally {
      await short.close();
    }
  });
});

describe("refresh", () => {
  it("rotates: the new pair works and the old refresh token stops working", async () => {
    const user = await register(t.http);
    const first = await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }).expect(200);
    expect(first.body.refreshToken).not.toBe(user.refreshToken);
    await t.http.post("/auth/validate-token").send({ token: first.body.accessToken }).expect(200);
    const second = await t.http
      .post("/auth/refresh")
      .send({ refreshToken: first.body.refreshToken })
      .expect(200);
    expect(second.body.accessToken).toMatch(/^sha_/);
  });

  // A token's rotation is moved back in time rather than waiting out the grace.
  const rotatedLongAgo = (refreshToken: string) =>
    t.api.db.token.update({
      where: { hash: hashToken(refreshToken) },
      data: { usedAt: new Date(Date.now() - (t.config.REFRESH_REUSE_GRACE_SECONDS + 1) * 1000) },
    });

  it("revokes the whole session when a rotated refresh token is reused after the grace", async () => {
    const user = await register(t.http);
    const rotated = await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }).expect(200);
    await rotatedLongAgo(user.refreshToken);
    const reuse = await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken });
    expectProblem(reuse, 401, "unauthenticated");
    expect(reuse.body.detail).toMatch(/already used/);
    // Everything from that session is dead, including the pair the thief (or victim) got.
    expectProblem(
      await t.http.post("/auth/validate-token").send({ token: rotated.body.accessToken }),
      401,
      "unauthenticated",
    );
    expectProblem(
      await t.http.post("/auth/refresh").send({ refreshToken: rotated.body.refreshToken }),
      401,
      "unauthenticated",
    );
  });

  it("gives concurrent refreshes with one token pairs of the same session, which reuse later ends", async () => {
    const user = await register(t.http);
    const results = await Promise.all(
      [1, 2, 3].map(() => t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const pairs = results.map((r) => r.body as { accessToken: string; refreshToken: string });
    expect(new Set(pairs.map((p) => p.refreshToken)).size).toBe(3);
    for (const pair of pairs)
      await t.http.post("/auth/validate-token").send({ token: pair.accessToken }).expect(200);
    const sessionIds = await t.api.db.token.findMany({
      where: { hash: { in: pairs.map((p) => hashToken(p.refreshToken)) } },
      select: { sessionId: true },
    });
    expect(new Set(sessionIds.map((row) => row.sessionId)).size).toBe(1);

    await rotatedLongAgo(user.refreshToken);
    expectProblem(
      await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }),
      401,
      "unauthenticated",
    );
    for (const pair of pairs)
      expectProblem(
        await t.http.post("/auth/validate-token").send({ token: pair.accessToken }),
        401,
        "unauthenticated",
      );
  });

  it("ends a session at its absolute lifetime, however often it was refreshed", async () => {
    const user = await register(t.http);
    const fresh = await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }).expect(200);
    const token = await t.api.db.token.findUniqueOrThrow({
      where: { hash: hashToken(fresh.body.refreshToken) },
    });
    await t.api.db.session.update({
      where: { id: token.sessionId },
      data: { createdAt: new Date(Date.now() - t.config.SESSION_MAX_LIFETIME_SECONDS * 1000 - 1000) },
    });
    const refused = await t.http.post("/auth/refresh").send({ refreshToken: fresh.body.refreshToken });
    expectProblem(refused, 401, "unauthenticated");
    expect(refused.body.detail).toMatch(/session has ended/);
    expectProblem(
      await t.http.post("/auth/validate-token").send({ token: fresh.body.accessToken }),
      401,
      "unauthenticated",
    );
  });

  it("never issues a token that outlives the session", async () => {
    const user = await register(t.http);
    const token = await t.api.db.token.findUniqueOrThrow({ where: { hash: hashToken(user.refreshToken) } });
    const endsAt = Date.now() + 60_000;
    await t.api.db.session.update({
      where: { id: token.sessionId },
      data: { createdAt: new Date(endsAt - t.config.SESSION_MAX_LIFETIME_SECONDS * 1000) },
    });
    const fresh = await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }).expect(200);
    expect(Date.parse(fresh.body.expiresAt)).toBeLessThanOrEqual(endsAt);
    const stored = await t.api.db.token.findUniqueOrThrow({
      where: { hash: hashToken(fresh.body.refreshToken) },
    });
    expect(stored.expiresAt.getTime()).toBeLessThanOrEqual(endsAt);
  });

  it("answers 401, not 500, when the account is deleted while its refresh is under way", async () => {
    const user = await register(t.http);
    let refresh: Promise<Response> | undefined;
    await t.api.db.$transaction(async (tx) => {
      // The deletion holds its rows locked until it commits: the refresh reads the token, then waits.
      await tx.user.delete({ where: { id: user.user.id } });
      refresh = Promise.resolve(t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }));
      await new Promise((resolve) => setTimeout(resolve, 300));
    });
    expectProblem(await refresh!, 401, "unauthenticated");
  });

  it("refuses an access token offered as a refresh token", async () => {
    const user = await register(t.http);
    expectProblem(
      await t.http.post("/auth/refresh").send({ refreshToken: user.accessToken }),
      401,
      "unauthenticated",
    );
  });
});

describe("logout", () => {
  it("revokes the token at once, even though validate-token had cached it", async () => {
    const user = await register(t.http);
    await t.http.post("/auth/validate-token").send({ token: user.accessToken }).expect(200);
    await t.http.post("/auth/logout").set("authorization", `Bearer ${user.accessToken}`).expect(204);
    expectProblem(
      await t.http.post("/auth/validate-token").send({ token: user.accessToken }),
      401,
      "unauthenticated",
    );
    expectProblem(
      await t.http.get("/users/me").set("authorization", `Bearer ${user.accessToken}`),
      401,
      "unauthenticated",
    );
    expectProblem(
      await t.http.post("/auth/refresh").send({ refreshToken: user.refreshToken }),
      401,
      "unauthenticated",
    );
  });

  it("publishes a revocation event other services can act on", async () => {
    const user = await register(t.http);
    const subscriber = new Redis(testRedisUrl());
    const received = new Promise<string>((resolve) =>
      subscriber.on("message", (_channel: string, message: string) => resolve(message)),
    );
    await subscriber.subscribe(`${t.namespace}:revocations`);
    await t.http.post("/auth/logout").set("authorization", `Bearer ${user.accessToken}`).expect(204);
    const event = JSON.parse(await received) as { userId: string; tokenHashes: string[]; reason: string };
    await subscriber.quit();
    expect(event).toMatchObject({ userId: user.user.id, reason: "logout" });
    expect(event.tokenHashes).toHaveLength(1);
    expect(event.tokenHashes[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 401 without a token", async () => {
    expectProblem(await t.http.post("/auth/logout"), 401, "unauthenticated");
  });
});
