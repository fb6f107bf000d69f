import { randomBytes } from "node:crypto";
import type { DomainEventOf } from "@sharehood/sdk";
import { hashToken } from "@sharehood/server-kit";
import { testRedisUrl } from "@sharehood/test-stack";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailTokensRepository } from "../src/modules/account/email-tokens.repository.ts";
import { createOutbox } from "../src/modules/events/outbox.ts";
import {
  eventsAbout,
  eventually,
  expectProblem,
  newUser,
  outboxEvents,
  register,
  startTestApi,
  type TestApi,
} from "./harness.ts";

let t: TestApi;
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MINUTE = 60_000;

beforeAll(async () => {
  t = await startTestApi("account_emails", { REGISTER_MAX_PER_IP: "1000" });
});
afterAll(() => t.close());

type LinkEvent = DomainEventOf<"account.verification_requested" | "account.password_reset_requested">;

/** The newest link of this kind mailed to the user (the event the Notification API mails from). */
async function lastLink(userId: string, type: LinkEvent["type"]): Promise<LinkEvent | undefined> {
  return (await eventsAbout(t, userId)).filter((event): event is LinkEvent => event.type === type).at(-1);
}

/** Asks for a reset link and waits for it (the lookup and the event happen after the 202). */
async function requestReset(email: string, userId: string): Promise<LinkEvent> {
  const previous = (await lastLink(userId, "account.password_reset_requested"))?.id;
  await t.http.post("/auth/password-reset/request").send({ email }).expect(202);
  return eventually(async () => {
    const link = await lastLink(userId, "account.password_reset_requested");
    return link && link.id !== previous ? link : undefined;
  });
}

/** Moves a link's clock: as if it had been mailed `minutesAgo` minutes ago (valid 30 minutes). */
async function ageResetLink(token: string, minutesAgo: number) {
  await t.api.db.emailToken.update({
    where: { hash: hashToken(token) },
    data: { expiresAt: new Date(Date.now() + (30 - minutesAgo) * MINUTE) },
  });
}

const verify = (token: string) => t.http.post("/auth/verify-email").send({ token });
const isVerified = async (accessToken: string) =>
  (await t.http.get("/users/me").set(bearer(accessToken)).expect(200)).body.emailVerified as boolean;

describe("email verification", () => {
  it("verifies the address with the link from registration, once; the link then answers 400", async () => {
    const me = await register(t.http);
    const link = (await lastLink(me.user.id, "account.verification_requested"))!;
    expect(await isVerified(me.accessToken)).toBe(false);
    const res = await verify(link.payload.token).expect(204);
    expect(res.text).toBe("");
    expect(await isVerified(me.accessToken)).toBe(true);
    const again = await verify(link.payload.token);
    expectProblem(again, 400, "validation_failed");
    expect(again.body.errors).toEqual([{ path: "body.token", message: "is invalid, used or expired" }]);
  });

  it("refuses an expired link and an unknown one with the same 400", async () => {
    const me = await register(t.http);
    const link = (await lastLink(me.user.id, "account.verification_requested"))!;
    await t.api.db.emailToken.update({
      where: { hash: hashToken(link.payload.token) },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await verify(link.payload.token);
    const unknown = await verify(randomBytes(32).toString("base64url"));
    expectProblem(expired, 400, "validation_failed");
    expectProblem(unknown, 400, "validation_failed");
    expect(expired.body.detail).toBe(unknown.body.detail);
    expect(await isVerified(me.accessToken)).toBe(false);
  });

  it("mails a new link on request while unverified, and nothing once verified", async () => {
    const me = await register(t.http);
    const first = (await lastLink(me.user.id, "account.verification_requested"))!;
    const res = await t.http.post("/auth/verify-email/request").set(bearer(me.accessToken)).expect(202);
    expect(res.text).toBe("");
    const second = (await lastLink(me.user.id, "account.verification_requested"))!;
    expect(second.id).not.toBe(first.id);
    expect(second.payload.token).not.toBe(first.payload.token);
    expect(second.payload.user.email).toBe(me.user.email);
    await verify(second.payload.token).expect(204);
    const before = (await eventsAbout(t, me.user.id)).length;
    await t.http.post("/auth/verify-email/request").set(bearer(me.accessToken)).expect(202);
    expect(await eventsAbout(t, me.user.id)).toHaveLength(before);
    expectProblem(await t.http.post("/auth/verify-email/request"), 401, "unauthenticated");
  });

  it("limits verification mails per account", async () => {
    const me = await register(t.http);
    const ask = () => t.http.post("/auth/verify-email/request").set(bearer(me.accessToken));
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_EMAIL; i++) await ask().expect(202);
    const limited = await ask();
    expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("does not let a link mailed to a previous address verify the new one", async () => {
    const me = await register(t.http);
    const old = (await lastLink(me.user.id, "account.verification_requested"))!;
    const newEmail = newUser().email;
    await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ email: newEmail, currentPassword: me.password })
      .expect(200);
    expectProblem(await verify(old.payload.token), 400, "validation_failed");
    expect(await isVerified(me.accessToken)).toBe(false);
    const fresh = (await lastLink(me.user.id, "account.verification_requested"))!;
    expect(fresh.payload.user.email).toBe(newEmail);
    await verify(fresh.payload.token).expect(204);
    expect(await isVerified(me.accessToken)).toBe(true);
  });
});

describe("password reset", () => {
  it("sets the new password; every session ends, the old password and refresh tokens stop working", async () => {
    const me = await register(t.http);
    const other = (
      await t.http.post("/auth/login").send({ email: me.user.email, password: me.password }).expect(200)
    ).body as { accessToken: string; refreshToken: string };
    const link = await requestReset(me.user.email.toUpperCase(), me.user.id);
    expect(link).toMatchObject({ actor: { id: me.user.id }, audience: [me.user.id] });
    expect(link.payload.user).toEqual({ id: me.user.id, name: me.user.name, email: me.user.email });
    expect(link.payload.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const subscriber = new Redis(testRedisUrl());
    const revocation = new Promise<string>((resolve) =>
      subscriber.on("message", (_channel: string, message: string) => resolve(message)),
    );
    await subscriber.subscribe(`${t.namespace}:revocations`);
    const before = (await eventsAbout(t, me.user.id)).length;
    try {
      const res = await t.http
        .post("/auth/password-reset")
        .send({ token: link.payload.token, password: "my brand new password" })
        .expect(204);
      expect(res.text).toBe("");
      // Other services hear of it as of a password change, with the live access tokens to forget.
      const published = JSON.parse(await revocation) as {
        userId: string;
        tokenHashes: string[];
        reason: string;
      };
      expect(published).toMatchObject({ userId: me.user.id, reason: "password_changed" });
      expect(published.tokenHashes.sort()).toEqual(
        [hashToken(me.accessToken), hashToken(other.accessToken)].sort(),
      );
    } finally {
      await subscriber.quit();
    }

    for (const session of [me, other]) {
      expectProblem(
        await t.http.post("/auth/validate-token").send({ token: session.accessToken }),
        401,
        "unauthenticated",
      );
      expectProblem(
        await t.http.post("/auth/refresh").send({ refreshToken: session.refreshToken }),
        401,
        "unauthenticated",
      );
    }
    expectProblem(
      await t.http.post("/auth/login").send({ email: me.user.email, password: me.password }),
      401,
      "unauthenticated",
    );
    await t.http
      .post("/auth/login")
      .send({ email: me.user.email, password: "my brand new password" })
      .expect(200);
    const events = (await eventsAbout(t, me.user.id)).slice(before);
    expect(events.map((event) => event.type)).toEqual(["user.password_changed"]);
    expect(events[0]).toMatchObject({ actor: { id: me.user.id }, payload: { user: { id: me.user.id } } });

    // Single use.
    expectProblem(
      await t.http
        .post("/auth/password-reset")
        .send({ token: link.payload.token, password: "yet another one" }),
      400,
      "validation_failed",
    );
    await t.http
      .post("/auth/login")
      .send({ email: me.user.email, password: "my brand new password" })
      .expect(200);
  });

  it("lets a link work for 30 minutes and not after", async () => {
    const me = await register(t.http);
    const asked = Date.now();
    const late = await requestReset(me.user.email, me.user.id);
    const validFor = Date.parse(late.payload.expiresAt) - asked;
    expect(validFor).toBeGreaterThan(30 * MINUTE - 5_000);
    expect(validFor).toBeLessThanOrEqual(30 * MINUTE + 5_000);
    const onTime = await requestReset(me.user.email, me.user.id);

    await ageResetLink(late.payload.token, 31);
    expectProblem(
      await t.http
        .post("/auth/password-reset")
        .send({ token: late.payload.token, password: "too late for this" }),
      400,
      "validation_failed",
    );
    await ageResetLink(onTime.payload.token, 29);
    await t.http
      .post("/auth/password-reset")
      .send({ token: onTime.payload.token, password: "just in time" })
      .expect(204);
    await t.http.post("/auth/login").send({ email: me.user.email, password: "just in time" }).expect(200);
  });

  it("ends older reset links when the password changes", async () => {
    const me = await register(t.http);
    const first = await requestReset(me.user.email, me.user.id);
    const second = await requestReset(me.user.email, me.user.id);
    await t.http
      .post("/auth/password-reset")
      .send({ token: second.payload.token, password: "second link used" })
      .expect(204);
    expectProblem(
      await t.http
        .post("/auth/password-reset")
        .send({ token: first.payload.token, password: "first link used" }),
      400,
      "validation_failed",
    );
    const third = await requestReset(me.user.email, me.user.id);
    const session = (
      await t.http
        .post("/auth/login")
        .send({ email: me.user.email, password: "second link used" })
        .expect(200)
    ).body as { accessToken: string };
    await t.http
      .patch("/users/me")
      .set(bearer(session.accessToken))
      .send({ password: "changed in settings", currentPassword: "second link used" })
      .expect(200);
    expectProblem(
      await t.http
        .post("/auth/password-reset")
        .send({ token: third.payload.token, password: "third link used" }),
      400,
      "validation_failed",
    );
  });

  it("answers an unknown address exactly as a known one, and mails nothing", async () => {
    const me = await register(t.http);
    const unknownEmail = newUser().email;
    const known = await t.http.post("/auth/password-reset/request").send({ email: me.user.email });
    const unknown = await t.http.post("/auth/password-reset/request").send({ email: unknownEmail });
    const shape = (res: typeof known) => ({
      status: res.status,
      text: res.text,
      type: res.headers["content-type"],
      length: res.headers["content-length"],
    });
    expect(shape(unknown)).toEqual(shape(known));
    expect(shape(known)).toMatchObject({ status: 202, text: "" });
    await eventually(() => lastLink(me.user.id, "account.password_reset_requested"));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(JSON.stringify(await outboxEvents(t))).not.toContain(unknownEmail);
  });

  it("answers at once, before looking the account up, so its time cannot tell whether it exists", async () => {
    const me = await register(t.http);
    let release!: () => void;
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // Hold the users table: any request that looked the account up before answering would hang.
    const holding = t.api.db.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe("LOCK TABLE users IN ACCESS EXCLUSIVE MODE");
        locked();
        await new Promise<void>((resolve) => (release = resolve));
      },
      { timeout: 20_000 },
    );
    try {
      await isLocked;
      for (const email of [me.user.email, newUser().email]) {
        const started = Date.now();
        await t.http.post("/auth/password-reset/request").send({ email }).expect(202);
        expect(Date.now() - started).toBeLessThan(1_000);
      }
      expect(await lastLink(me.user.id, "account.password_reset_requested")).toBeUndefined();
    } finally {
      release();
      await holding;
    }
    // The work done after the answer completes once the table is free.
    await eventually(() => lastLink(me.user.id, "account.password_reset_requested"));
  });

  it("limits requests per address asked about, whether or not an account has it", async () => {
    const me = await register(t.http);
    const statuses = async (email: string) => {
      const seen: number[] = [];
      for (let i = 0; i <= t.config.LOGIN_MAX_FAILURES_PER_EMAIL; i++)
        seen.push((await t.http.post("/auth/password-reset/request").send({ email })).status);
      return seen;
    };
    const known = await statuses(me.user.email);
    expect(known).toEqual([...Array(t.config.LOGIN_MAX_FAILURES_PER_EMAIL).fill(202), 429]);
    expect(await statuses(newUser().email)).toEqual(known);
  });

  it("limits wrong links per client address", async () => {
    const wrong = () =>
      t.http
        .post("/auth/password-reset")
        .set("x-forwarded-for", "203.0.113.77")
        .send({ token: randomBytes(32).toString("base64url"), password: "whatever it is" });
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES_PER_IP; i++)
      expectProblem(await wrong(), 400, "validation_failed");
    expectProblem(await wrong(), 429, "rate_limited");
  });
});

describe("expired links", () => {
  it("are deleted by the purge once past the retention, used or not", async () => {
    const me = await register(t.http);
    const link = await requestReset(me.user.email, me.user.id);
    await t.api.db.emailToken.updateMany({
      where: { userId: me.user.id },
      data: { expiresAt: new Date(Date.now() - 2 * 24 * 3600_000) },
    });
    const repository = createEmailTokensRepository(t.api.db, createOutbox(t.api.db));
    expect(await repository.purgeExpired(new Date(Date.now() - 24 * 3600_000))).toBeGreaterThanOrEqual(2);
    expect(await t.api.db.emailToken.count({ where: { userId: me.user.id } })).toBe(0);
    expectProblem(
      await t.http.post("/auth/password-reset").send({ token: link.payload.token, password: "purged link" }),
      400,
      "validation_failed",
    );
  });
});

describe("bad input to the account-email endpoints", () => {
  const cases: [string, unknown][] = [
    ["/auth/verify-email", {}],
    ["/auth/verify-email", { token: 42 }],
    ["/auth/verify-email", { token: "short" }],
    ["/auth/verify-email", { token: "has spaces and ünïcode in it!!" }],
    ["/auth/verify-email", { token: "x".repeat(10_000) }],
    ["/auth/verify-email", { token: randomBytes(32).toString("base64url"), extra: true }],
    ["/auth/verify-email", [1, 2, 3]],
    ["/auth/password-reset/request", {}],
    ["/auth/password-reset/request", { email: "not an email" }],
    ["/auth/password-reset/request", { email: ["a@example.com"] }],
    ["/auth/password-reset/request", { email: "a@example.com", admin: true }],
    ["/auth/password-reset", { token: randomBytes(32).toString("base64url") }],
    ["/auth/password-reset", { token: randomBytes(32).toString("base64url"), password: "short" }],
    ["/auth/password-reset", { token: null, password: "long enough password" }],
    ["/auth/password-reset", { token: randomBytes(32).toString("base64url"), password: "p".repeat(10_000) }],
  ];
  it.each(cases)("answers %s %j with a 400 problem", async (path, body) => {
    expectProblem(await t.http.post(path).send(body as object), 400, "validation_failed");
  });

  it.each(["/auth/verify-email", "/auth/password-reset/request", "/auth/password-reset"])(
    "answers malformed JSON to %s with a 400 problem",
    async (path) => {
      const res = await t.http.post(path).set("content-type", "application/json").send('{"token": ');
      expectProblem(res, 400, "validation_failed");
    },
  );
});
