import { EVENT_STREAM, type DomainEvent } from "@sharehood/sdk";
import { testRedisUrl } from "@sharehood/test-stack";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  eventsAbout,
  eventually,
  expectProblem,
  newUser,
  outboxEvents,
  register,
  startTestApi,
  type TestApi,
  signInRootAdmin,
  WITH_ROOT_ADMIN,
} from "./harness.ts";

let t: TestApi;
let admin: { accessToken: string; userId: string };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Test-only triggers that note which transaction wrote each users row and each outbox row. An event
 * and its change with the same transaction id were committed together (or not at all). xmin would
 * not do: the relay's "published" update gives the outbox row a new one.
 */
async function recordTransactions(api: TestApi["api"]) {
  for (const sql of [
    `CREATE TABLE test_tx_log (tbl text NOT NULL, op text NOT NULL, row_key text NOT NULL, txid bigint NOT NULL)`,
    `CREATE FUNCTION test_log_tx() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO test_tx_log VALUES (TG_TABLE_NAME, TG_OP,
           CASE TG_TABLE_NAME WHEN 'users' THEN COALESCE(NEW.id, OLD.id)::text ELSE NEW.id::text END,
           txid_current());
         RETURN NULL;
       END $$`,
    `CREATE TRIGGER test_users_tx AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION test_log_tx()`,
    `CREATE TRIGGER test_outbox_tx AFTER INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION test_log_tx()`,
  ])
    await api.db.$executeRawUnsafe(sql);
}

/** The transaction that wrote the event. */
async function txOfEvent(event: DomainEvent): Promise<string> {
  const rows = await t.api.db.$queryRaw<{ txid: string }[]>`
    SELECT txid::text FROM test_tx_log WHERE tbl = 'outbox_events' AND row_key = ${event.id}`;
  expect(rows).toHaveLength(1);
  return rows[0]!.txid;
}

/** The transactions that wrote a users row, oldest first, with what they did. */
async function txsOfUser(userId: string): Promise<{ op: string; txid: string }[]> {
  return t.api.db.$queryRaw`
    SELECT op, txid::text FROM test_tx_log WHERE tbl = 'users' AND row_key = ${userId} ORDER BY txid`;
}

/** The events about a user written since `before` (a count of their earlier events). */
async function newEventsAbout(userId: string, before: number): Promise<DomainEvent[]> {
  return (await eventsAbout(t, userId)).slice(before);
}

beforeAll(async () => {
  t = await startTestApi("account_events", { ...WITH_ROOT_ADMIN, REGISTER_MAX_PER_IP: "1000" });
  await recordTransactions(t.api);
  const session = await signInRootAdmin(t);
  admin = { accessToken: session.accessToken, userId: session.user.id };
});
afterAll(() => t.close());

describe("events of account changes", () => {
  it("writes user.registered and a verification request in the registration's own transaction", async () => {
    const body = newUser();
    const started = Date.now();
    const me = await register(t.http, body);
    expect(me.user.emailVerified).toBe(false);
    const events = await eventsAbout(t, me.user.id);
    expect(events.map((event) => event.type)).toEqual(["user.registered", "account.verification_requested"]);
    const person = { id: me.user.id, name: body.name, email: body.email };
    for (const event of events) {
      expect(event).toMatchObject({
        version: 1,
        source: "user-api",
        actor: { id: me.user.id },
        subject: { type: "user", id: me.user.id },
        audience: [me.user.id],
        payload: { user: person },
      });
    }
    const [registered, verification] = events as [
      DomainEvent,
      DomainEvent & { payload: { token: string; expiresAt: string } },
    ];
    expect(registered.payload).toEqual({ user: person });
    // 32 random bytes, base64url; the link works for a day.
    expect(verification.payload.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const validFor = Date.parse(verification.payload.expiresAt) - started;
    expect(validFor).toBeGreaterThan(24 * 3600_000 - 60_000);
    expect(validFor).toBeLessThan(24 * 3600_000 + 60_000);
    // Only the token's hash is stored.
    const stored = await t.api.db.emailToken.findMany({ where: { userId: me.user.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(verification.payload.token);

    const [created] = await txsOfUser(me.user.id);
    expect(created?.op).toBe("INSERT");
    expect(await txOfEvent(registered)).toBe(created!.txid);
    expect(await txOfEvent(verification)).toBe(created!.txid);
  });

  it("writes no event for a registration refused because the email is taken, even in a race", async () => {
    const taken = await register(t.http);
    const before = (await outboxEvents(t)).length;
    expectProblem(
      await t.http.post("/auth/register").send(newUser({ email: taken.user.email.toUpperCase() })),
      409,
      "conflict",
    );
    expect(await outboxEvents(t)).toHaveLength(before);

    // Two sign-ups with one address at once: one account, one user.registered.
    const body = newUser();
    const statuses = (await Promise.all([0, 1, 2].map(() => t.http.post("/auth/register").send(body)))).map(
      (res) => res.status,
    );
    expect(statuses.sort()).toEqual([201, 409, 409]);
    const registered = (await outboxEvents(t)).filter(
      (event) => event.type === "user.registered" && event.payload.user.email === body.email,
    );
    expect(registered).toHaveLength(1);
  });

  it("writes one user.email_changed with the previous address; the new one is unverified and gets its own link", async () => {
    const me = await register(t.http);
    const [, firstLink] = (await eventsAbout(t, me.user.id)) as [DomainEvent, { payload: { token: string } }];
    await t.http.post("/auth/verify-email").send({ token: firstLink.payload.token }).expect(204);
    expect((await t.http.get("/users/me").set(bearer(me.accessToken)).expect(200)).body.emailVerified).toBe(
      true,
    );
    const before = (await eventsAbout(t, me.user.id)).length;

    const newEmail = newUser().email;
    const res = await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ email: newEmail.toUpperCase(), currentPassword: me.password })
      .expect(200);
    expect(res.body).toMatchObject({ email: newEmail, emailVerified: false });

    const events = await newEventsAbout(me.user.id, before);
    expect(events.map((event) => event.type)).toEqual([
      "user.email_changed",
      "account.verification_requested",
    ]);
    expect(events[0]).toMatchObject({
      actor: { id: me.user.id },
      audience: [me.user.id],
      payload: {
        user: { id: me.user.id, email: newEmail, name: me.user.name },
        previousEmail: me.user.email,
      },
    });
    expect(events[1]?.payload).toMatchObject({ user: { email: newEmail } });
    const update = (await txsOfUser(me.user.id)).at(-1)!;
    expect(update.op).toBe("UPDATE");
    for (const event of events) expect(await txOfEvent(event)).toBe(update.txid);
  });

  it("writes one user.password_changed with the change of password", async () => {
    const me = await register(t.http);
    const before = (await eventsAbout(t, me.user.id)).length;
    await t.http
      .patch("/users/me")
      .set(bearer(me.accessToken))
      .send({ password: "a whole new password", currentPassword: me.password })
      .expect(200);
    const events = await newEventsAbout(me.user.id, before);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: "user.password_changed",
      actor: { id: me.user.id },
      payload: { user: { id: me.user.id, email: me.user.email } },
    });
    expect(await txOfEvent(events[0]!)).toBe((await txsOfUser(me.user.id)).at(-1)!.txid);
  });

  it("writes nothing for a refused change (wrong password, taken email), and account.renamed for a new name", async () => {
    const me = await register(t.http);
    const other = await register(t.http);
    const before = (await outboxEvents(t)).length;
    const patch = (body: object) => t.http.patch("/users/me").set(bearer(me.accessToken)).send(body);
    expectProblem(await patch({ email: other.user.email, currentPassword: me.password }), 409, "conflict");
    expectProblem(
      await patch({ password: "another password", currentPassword: "not my password" }),
      400,
      "validation_failed",
    );
    expectProblem(
      await t.http.delete("/users/me").set(bearer(me.accessToken)).send({ currentPassword: "nope nope" }),
      400,
      "validation_failed",
    );
    expect(await outboxEvents(t)).toHaveLength(before);
    await patch({ name: "Just A New Name" }).expect(200);
    const after = await outboxEvents(t);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({
      type: "account.renamed",
      payload: { user: { id: me.user.id, name: "Just A New Name", email: me.user.email } },
    });
  });

  it("writes user.deleted by the person when they delete themselves, and names the admin who deletes someone", async () => {
    const me = await register(t.http);
    await t.http
      .delete("/users/me")
      .set(bearer(me.accessToken))
      .send({ currentPassword: me.password })
      .expect(204);
    const [mine] = (await eventsAbout(t, me.user.id)).filter((event) => event.type === "user.deleted");
    expect(mine).toMatchObject({
      actor: { id: me.user.id },
      subject: { type: "user", id: me.user.id },
      audience: [me.user.id],
      payload: { user: { id: me.user.id } },
    });
    const removal = (await txsOfUser(me.user.id)).at(-1)!;
    expect(removal.op).toBe("DELETE");
    expect(await txOfEvent(mine!)).toBe(removal.txid);

    const them = await register(t.http);
    await t.http.delete(`/users/${them.user.id}`).set(bearer(admin.accessToken)).expect(204);
    const deleted = (await eventsAbout(t, them.user.id)).filter((event) => event.type === "user.deleted");
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor: { id: admin.userId }, audience: [them.user.id] });
    // Deleting someone who is gone already writes nothing more.
    expectProblem(
      await t.http.delete(`/users/${them.user.id}`).set(bearer(admin.accessToken)),
      404,
      "not_found",
    );
    expect(
      (await eventsAbout(t, them.user.id)).filter((event) => event.type === "user.deleted"),
    ).toHaveLength(1);
  });

  it("announces the account ADMIN_EMAIL created, verified and with no link, as done by no one", async () => {
    const events = await eventsAbout(t, admin.userId);
    expect(events.map((event) => event.type)).toEqual(["user.registered"]);
    expect(events[0]).toMatchObject({ actor: null, payload: { user: { email: "root@example.com" } } });
    const me = await t.http.get("/users/me").set(bearer(admin.accessToken)).expect(200);
    expect(me.body.emailVerified).toBe(true);
  });

  it("publishes the outbox to the Redis Stream and marks the rows published", async () => {
    const me = await register(t.http);
    const [registered] = await eventsAbout(t, me.user.id);
    const redis = new Redis(testRedisUrl());
    try {
      const published = await eventually(async () => {
        const entries = await redis.xrange(`${t.namespace}:${EVENT_STREAM}`, "-", "+");
        return entries
          .map(([, fields]) => JSON.parse(fields[1]!) as DomainEvent)
          .find((event) => event.id === registered!.id);
      });
      expect(published).toEqual(registered);
    } finally {
      await redis.quit();
    }
    const row = await eventually(async () => {
      const found = await t.api.db.outboxEvent.findUnique({ where: { id: registered!.id } });
      return found?.publishedAt ? found : undefined;
    });
    expect(row.publishedAt).toBeInstanceOf(Date);
  });
});
