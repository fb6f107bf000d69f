import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@sharehood/sdk";
import { newItem, inDays, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startStack("auth");
});
afterAll(() => stack.close());

/** How many validate-token calls the User API has answered, from its own metrics. */
async function validateCalls(): Promise<number> {
  const metrics = await raw(`${stack.users.url}/metrics`);
  return [
    ...metrics.text.matchAll(/http_requests_total\{[^}]*route="\/auth\/validate-token"[^}]*\} (\d+)/g),
  ].reduce((sum, m) => sum + Number(m[1]), 0);
}

/** Retries a check for up to `ms`; revocation travels over pub/sub, so it is near-instant but not synchronous. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  do {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 25));
  } while (Date.now() < deadline);
  return false;
}

describe("writes are authorised through the User API", () => {
  it("asks the User API once per cache lifetime for many writes with one token", async () => {
    const user = await stack.signUp();
    const before = await validateCalls();
    for (let i = 0; i < 5; i += 1) await user.client.items.create({ body: newItem() });
    expect((await validateCalls()) - before).toBe(1);
  });

  it("asks the User API once for a burst of concurrent first writes with one token", async () => {
    const user = await stack.signUp();
    const before = await validateCalls();
    await Promise.all(Array.from({ length: 10 }, () => user.client.items.create({ body: newItem() })));
    expect((await validateCalls()) - before).toBe(1);
  });

  it("refuses a logged-out token within a second, although it was cached", async () => {
    const user = await stack.signUp();
    await user.client.items.create({ body: newItem() }); // cached now
    await user.client.auth.logout({});
    const refusedInTime = await within(1_000, async () =>
      user.client.items.create({ body: newItem() }).then(
        () => false,
        (e: unknown) => e instanceof ApiError && e.status === 401,
      ),
    );
    expect(refusedInTime).toBe(true);
  });

  it("refuses a logged-out token within a second even when a validation races the logout, 200 times", async () => {
    const user = await stack.signUp();
    const slow: number[] = [];
    for (let round = 0; round < 200; round += 1) {
      const session = await stack
        .client()
        .auth.login({ body: { email: user.email, password: user.password } });
      const client = stack.client(session.accessToken);
      const read = () =>
        client.loans.list({ query: {} }).then(
          () => "ok",
          (e: unknown) => (e instanceof ApiError ? e.status : e),
        );
      // Validations in flight on both sides of the logout: the one whose answer lands last must
      // not be the one that counts.
      await Promise.all([read(), client.auth.logout({}), read(), read()]);
      const loggedOutAt = Date.now();
      while ((await read()) !== 401) {
        if (Date.now() - loggedOutAt > 1_000) {
          slow.push(round);
          break;
        }
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    expect(slow).toEqual([]);
  }, 120_000);

  it("applies a role change at once: a promoted user may edit anyone's item", async () => {
    const [owner, promoted] = await Promise.all([stack.signUp(), stack.signUp()]);
    const item = await owner.client.items.create({ body: newItem() });
    await refused(
      promoted.client.items.update({ params: { id: item.id }, body: { title: "Moderated" } }),
      403,
      "forbidden",
    );
    const admin = await stack.admin();
    await admin.client.users.updateRole({ params: { id: promoted.id }, body: { role: "admin" } });
    const changed = await within(1_000, async () =>
      promoted.client.items.update({ params: { id: item.id }, body: { title: "Moderated" } }).then(
        () => true,
        () => false,
      ),
    );
    expect(changed).toBe(true);
  });

  it("unlists a deleted user's items, cancels their loans and forgets what they saved", async () => {
    const [leaver, neighbour] = await Promise.all([stack.signUp(), stack.signUp()]);
    const item = await leaver.client.items.create({ body: newItem({ title: "Leaving soon" }) });
    const theirs = await neighbour.client.items.create({ body: newItem() });
    const loan = await leaver.client.loans.request({
      params: { id: theirs.id },
      body: { startDate: inDays(3), endDate: inDays(4) },
    });
    await leaver.client.favourites.save({ params: { id: theirs.id } });
    await leaver.client.users.deleteMe({ body: { currentPassword: leaver.password } });
    const gone = await within(
      2_000,
      async () => (await raw(`${stack.inventory.url}/items/${item.id}`)).status === 404,
    );
    expect(gone).toBe(true);
    expect((await neighbour.client.loans.get({ params: { id: loan.id } })).status).toBe("cancelled");
    expect(await stack.inventory.api.db.favourite.count({ where: { userId: leaver.id } })).toBe(0);
  });

  it("refuses missing, malformed and forged tokens with 401 and changes nothing", async () => {
    const before = await stack.inventory.api.db.item.count();
    for (const authorization of [
      undefined,
      "Bearer",
      "Basic dXNlcjpwYXNz",
      "Bearer sha_forged",
      `Bearer ${"x".repeat(600)}`,
    ]) {
      const res = await raw(`${stack.inventory.url}/items`, {
        method: "POST",
        headers: authorization ? { authorization } : {},
        body: JSON.stringify(newItem()),
      });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe("unauthenticated");
    }
    expect(await stack.inventory.api.db.item.count()).toBe(before);
  });
});

describe("token expiry", () => {
  it("never serves a cached validation past the token's expiry", async () => {
    const short = await startStack("auth_expiry", { users: { ACCESS_TOKEN_TTL_SECONDS: "2" } });
    try {
      const user = await short.signUp();
      await user.client.items.create({ body: newItem() });
      await new Promise((r) => setTimeout(r, 2_200));
      await refused(user.client.items.create({ body: newItem() }), 401, "unauthenticated");
    } finally {
      await short.close();
    }
  });
});
