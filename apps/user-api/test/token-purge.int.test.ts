import { hashToken } from "@sharehood/server-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserApi } from "../src/app.ts";
import { createSessionsRepository } from "../src/modules/auth/sessions.repository.ts";
import { register, startTestApi, type TestApi } from "./harness.ts";

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi("purge");
});
afterAll(() => t.close());

const DAY = 24 * 3600 * 1000;
const ago = (ms: number) => new Date(Date.now() - ms);

/** Moves a token's expiry into the past, as if it had been issued long ago. */
const expire = (token: string, at: Date) =>
  t.api.db.token.update({ where: { hash: hashToken(token) }, data: { expiresAt: at } });
const tokenExists = async (token: string) =>
  (await t.api.db.token.count({ where: { hash: hashToken(token) } })) === 1;
const sessionOf = async (token: string) =>
  (await t.api.db.token.findUniqueOrThrow({ where: { hash: hashToken(token) } })).sessionId;
const sessionExists = async (id: string) => (await t.api.db.session.count({ where: { id } })) === 1;

describe("purging expired tokens and dead sessions", () => {
  it("deletes what can no longer sign in and keeps every live session working", async () => {
    // A live session that has refreshed once: its first access token expired two days ago.
    const live = await register(t.http);
    const rotated = await t.http.post("/auth/refresh").send({ refreshToken: live.refreshToken }).expect(200);
    await expire(live.accessToken, ago(2 * DAY));
    // A session whose every token expired two days ago.
    const lapsed = await register(t.http);
    const lapsedSession = await sessionOf(lapsed.accessToken);
    await expire(lapsed.accessToken, ago(2 * DAY));
    await expire(lapsed.refreshToken, ago(2 * DAY));
    // A session signed out two days ago, and one signed out just now.
    const oldLogout = await register(t.http);
    const oldLogoutSession = await sessionOf(oldLogout.accessToken);
    await t.http.post("/auth/logout").set("authorization", `Bearer ${oldLogout.accessToken}`).expect(204);
    await t.api.db.session.update({ where: { id: oldLogoutSession }, data: { revokedAt: ago(2 * DAY) } });
    const newLogout = await register(t.http);
    const newLogoutSession = await sessionOf(newLogout.accessToken);
    await t.http.post("/auth/logout").set("authorization", `Bearer ${newLogout.accessToken}`).expect(204);

    const purged = await createSessionsRepository(t.api.db).purgeExpired(ago(DAY));
    expect(purged).toEqual({ tokens: 3, sessions: 2 });

    expect(await tokenExists(live.accessToken)).toBe(false);
    // The rotated refresh token stays while it could be presented: its reuse still revokes.
    expect(await tokenExists(live.refreshToken)).toBe(true);
    await t.http.post("/auth/validate-token").send({ token: rotated.body.accessToken }).expect(200);
    await t.http.post("/auth/refresh").send({ refreshToken: rotated.body.refreshToken }).expect(200);

    expect(await sessionExists(lapsedSession)).toBe(false);
    expect(await sessionExists(oldLogoutSession)).toBe(false);
    expect(await tokenExists(oldLogout.refreshToken)).toBe(false);
    expect(await sessionExists(newLogoutSession)).toBe(true);
    // A purged token is refused as it was before: 401.
    for (const token of [lapsed.accessToken, oldLogout.accessToken]) {
      await t.http.post("/auth/validate-token").send({ token }).expect(401);
    }
    await t.http.post("/auth/refresh").send({ refreshToken: lapsed.refreshToken }).expect(401);
  });

  it("runs as soon as an instance starts in a period no replica has run it in", async () => {
    const user = await register(t.http);
    await expire(user.accessToken, ago(2 * DAY));
    await expire(user.refreshToken, ago(2 * DAY));
    const session = await sessionOf(user.accessToken);
    // The test's own instance ran this period's purge when it started; forgetting that claim is a
    // new period beginning. A second instance on the same database, as another replica would be,
    // then claims it and purges at once.
    await t.api.db.$executeRaw`DELETE FROM periodic_runs WHERE task = 'token purge'`;
    const replica = await createUserApi(t.config);
    try {
      await expect.poll(() => sessionExists(session), { timeout: 5_000 }).toBe(false);
    } finally {
      await replica.dispose();
    }
  });
});
