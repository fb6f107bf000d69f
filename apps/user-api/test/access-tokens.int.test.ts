import { createHash } from "node:crypto";
import { MAX_ACCESS_TOKENS, type RevocationEvent } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  collectRevocations,
  expectProblem,
  register,
  signInRootAdmin,
  startTestApi,
  WITH_ROOT_ADMIN,
  type TestApi,
} from "./harness.ts";

let t: TestApi;
let root: { accessToken: string; user: { id: string } };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
let revocations: RevocationEvent[] = [];
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString();

const createToken = (session: string, body: object) =>
  t.http.post("/users/me/tokens").set(bearer(session)).send(body);
const validate = (token: string, clientAddress?: string) =>
  t.http.post("/auth/validate-token").send({ token, ...(clientAddress ? { clientAddress } : {}) });

beforeAll(async () => {
  t = await startTestApi("access_tokens", { ...WITH_ROOT_ADMIN, REGISTER_MAX_PER_IP: "100" });
  root = await signInRootAdmin(t);
  revocations = await collectRevocations(t);
});
afterAll(() => t.close());

describe("personal access tokens", () => {
  it("shows the secret once, keeps only its hash, and lists the token without it", async () => {
    const me = await register(t.http);
    const created = await createToken(me.accessToken, {
      name: "  Inventory sync ",
      scopes: ["items:write", "loans:read"],
      expiresAt: inAMonth(),
    }).expect(201);
    const secret = created.body.token as string;
    expect(secret).toMatch(/^shp_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({
      name: "Inventory sync",
      scopes: ["items:write", "loans:read"],
      prefix: secret.slice(0, 8),
      lastUsedAt: null,
      lastUsedFrom: null,
    });
    const listed = await t.http.get("/users/me/tokens").set(bearer(me.accessToken)).expect(200);
    const { token: _secret, ...shown } = created.body as Record<string, unknown>;
    expect(listed.body.items).toEqual([shown]);
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    const row = await t.api.db.personalAccessToken.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.hash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(8));
  });

  it("grants what its scopes allow and nothing else, and records when and from where it was used", async () => {
    const me = await register(t.http);
    const { body } = await createToken(me.accessToken, { name: "bot", scopes: ["items:write"] }).expect(201);
    expect(body.expiresAt).toBeNull();
    const validated = await validate(body.token, "203.0.113.7").expect(200);
    expect(validated.body).toMatchObject({
      user: { id: me.user.id, role: "user" },
      permissions: ["item.create", "item.update.own", "item.delete.own"],
      tokenKind: "personal",
      scopes: ["items:write"],
    });
    // Sessions answer as before, now saying what they are.
    expect((await validate(me.accessToken).expect(200)).body.tokenKind).toBe("session");
    // Any token reads its owner; nothing outside its scopes, and never the account's own settings.
    await t.http.get("/users/me").set(bearer(body.token)).expect(200);
    expectProblem(
      await t.http.patch("/users/me").set(bearer(body.token)).send({ name: "x" }),
      403,
      "forbidden",
    );
    expectProblem(await t.http.get("/users/me/tokens").set(bearer(body.token)), 403, "forbidden");
    expectProblem(
      await createToken(body.token, { name: "child", scopes: ["items:write"] }),
      403,
      "forbidden",
    );
    expectProblem(await t.http.post("/auth/logout").set(bearer(body.token)), 403, "forbidden");
    await expect
      .poll(async () => (await t.http.get("/users/me/tokens").set(bearer(me.accessToken))).body.items[0])
      .toMatchObject({ lastUsedAt: expect.any(String), lastUsedFrom: "203.0.113.7" });
  });

  it("lets profile:write edit the profile but never the email or password", async () => {
    const me = await register(t.http);
    const { body } = await createToken(me.accessToken, { name: "p", scopes: ["profile:write"] }).expect(201);
    await t.http.patch("/users/me").set(bearer(body.token)).send({ bio: "Lends ladders" }).expect(200);
    const takeover = await t.http
      .patch("/users/me")
      .set(bearer(body.token))
      .send({ password: "new password!", currentPassword: me.password });
    expectProblem(takeover, 403, "forbidden");
    // A new password keeps personal access tokens (they are revoked one by one, as on GitHub).
    await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ password: "new password!", currentPassword: me.password })
      .expect(200);
    await validate(body.token).expect(200);
  });

  it("refuses scopes beyond the owner's role, and bad names, scopes or expiries", async () => {
    const me = await register(t.http);
    const beyond = await createToken(me.accessToken, { name: "x", scopes: ["items:write", "admin"] });
    expectProblem(beyond, 403, "forbidden");
    expect(beyond.body.detail).toContain('"admin"');
    await createToken(root.accessToken, { name: "ops", scopes: ["admin"] }).expect(201);
    const past = new Date(Date.now() - 60_000).toISOString();
    const tooFar = new Date(Date.now() + 400 * 86_400_000).toISOString();
    for (const body of [
      { name: "", scopes: ["items:write"] },
      { name: "x".repeat(101), scopes: ["items:write"] },
      { name: "x", scopes: [] },
      { name: "x", scopes: ["items:write", "items:write"] },
      { name: "x", scopes: ["repo"] },
      { name: "x", scopes: ["items:write"], expiresAt: past },
      { name: "x", scopes: ["items:write"], expiresAt: tooFar },
      { name: "x", scopes: ["items:write"], userId: root.user.id },
    ])
      expectProblem(await createToken(me.accessToken, body), 400, "validation_failed");
  });

  it(`holds at most ${MAX_ACCESS_TOKENS} live tokens per person`, async () => {
    const me = await register(t.http);
    // All but the last straight into the table: the limit is the point, not fifty requests.
    await t.api.db.personalAccessToken.createMany({
      data: Array.from({ length: MAX_ACCESS_TOKENS - 1 }, (_, i) => ({
        userId: me.user.id,
        name: `t${i}`,
        scopes: ["loans:read"],
        hash: `test-${me.user.id}-${i}`,
        prefix: "shp_test",
      })),
    });
    await createToken(me.accessToken, { name: "last", scopes: ["loans:read"] }).expect(201);
    const over = await createToken(me.accessToken, { name: "one more", scopes: ["loans:read"] });
    expectProblem(over, 409, "conflict");
    expect(over.body.detail).toContain("revoke one");
  });

  it("revokes a token at once, even though its validation was cached, and tells every service", async () => {
    const me = await register(t.http);
    const other = await register(t.http);
    const { body } = await createToken(me.accessToken, { name: "x", scopes: ["loans:read"] }).expect(201);
    await validate(body.token).expect(200); // now cached
    expectProblem(
      await t.http.delete(`/users/me/tokens/${body.id}`).set(bearer(other.accessToken)),
      404,
      "not_found",
    );
    await t.http.delete(`/users/me/tokens/${body.id}`).set(bearer(me.accessToken)).expect(204);
    expectProblem(await validate(body.token), 401, "unauthenticated");
    expectProblem(
      await t.http.delete(`/users/me/tokens/${body.id}`).set(bearer(me.accessToken)),
      404,
      "not_found",
    );
    expect((await t.http.get("/users/me/tokens").set(bearer(me.accessToken))).body.items).toEqual([]);
    const hash = createHash("sha256").update(body.token).digest("hex");
    await expect
      .poll(() =>
        revocations.find((event) => event.reason === "token_revoked" && event.userId === me.user.id),
      )
      .toEqual({ userId: me.user.id, tokenHashes: [hash], reason: "token_revoked" });
  });

  it("refuses an expired token", async () => {
    const me = await register(t.http);
    const { body } = await createToken(me.accessToken, {
      name: "x",
      scopes: ["loans:read"],
      expiresAt: inAMonth(),
    });
    await t.api.db.personalAccessToken.update({
      where: { id: body.id },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expectProblem(await validate(body.token), 401, "unauthenticated");
    expectProblem(await t.http.get("/users/me").set(bearer(body.token)), 401, "unauthenticated");
  });

  it("narrows a demoted admin's token at once", async () => {
    const helper = await register(t.http);
    await t.http
      .patch(`/users/${helper.user.id}`)
      .set(bearer(root.accessToken))
      .send({ role: "admin" })
      .expect(200);
    const { body } = await createToken(helper.accessToken, {
      name: "mod",
      scopes: ["admin", "loans:read"],
    }).expect(201);
    await t.http.get("/users").set(bearer(body.token)).expect(200); // validated and cached with user.list
    await t.http
      .patch(`/users/${helper.user.id}`)
      .set(bearer(root.accessToken))
      .send({ role: "user" })
      .expect(200);
    expectProblem(await t.http.get("/users").set(bearer(body.token)), 403, "forbidden");
    const validated = await validate(body.token).expect(200);
    expect(validated.body).toMatchObject({ permissions: ["loan.read.own"], scopes: ["admin", "loans:read"] });
  });

  it("stops a suspended person's tokens for good, and a deleted person's", async () => {
    const person = await register(t.http);
    const { body } = await createToken(person.accessToken, { name: "x", scopes: ["loans:read"] }).expect(201);
    await validate(body.token).expect(200);
    await t.http
      .post(`/users/${person.user.id}/suspend`)
      .set(bearer(root.accessToken))
      .send({ reason: "spam" })
      .expect(200);
    expectProblem(await validate(body.token), 403, "account_suspended");
    await t.http
      .post(`/users/${person.user.id}/unsuspend`)
      .set(bearer(root.accessToken))
      .send({})
      .expect(200);
    expectProblem(await validate(body.token), 401, "unauthenticated");

    const leaving = await register(t.http);
    const kept = await createToken(leaving.accessToken, { name: "x", scopes: ["loans:read"] }).expect(201);
    await validate(kept.body.token).expect(200);
    await t.http.delete(`/users/${leaving.user.id}`).set(bearer(root.accessToken)).send({}).expect(204);
    expectProblem(await validate(kept.body.token), 401, "unauthenticated");
    const hash = createHash("sha256")
      .update(kept.body.token as string)
      .digest("hex");
    await expect
      .poll(() =>
        revocations.find((event) => event.reason === "user_deleted" && event.userId === leaving.user.id),
      )
      .toMatchObject({ tokenHashes: expect.arrayContaining([hash]) });
  });
});
