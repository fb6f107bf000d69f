import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparableAnswer } from "../../src/checks.ts";
import type { HttpResponse } from "../../src/http.ts";
import type { Service } from "../../src/routes.ts";
import { SecurityWorld, type Actor } from "../../src/security/world.ts";
import { startStack, type TestStack } from "../../src/stack.ts";

// Trust between neighbours (issue 16), beyond the matrix's writes: what a plain user may not read
// (the moderation queue, the audit log, a review not yet revealed, another person's saved items, an
// item moderators hid), and a suspended account refused by every service.

let stack: TestStack;
let world: SecurityWorld;
let alice: Actor;
let bob: Actor;
let carol: Actor;
let dave: Actor;
let admin: Actor;

beforeAll(async () => {
  stack = await startStack("security_trust");
  world = new SecurityWorld(stack, "trust");
  await world.setUp();
  alice = world.actor("alice");
  bob = world.actor("bob");
  carol = world.actor("carol");
  dave = world.actor("dave");
  admin = world.actor("admin");
});
afterAll(() => stack.close());

const codeOf = (res: HttpResponse) => [res.status, (res.json as { code?: string } | undefined)?.code];
const get = (service: Service, path: string, actor?: Actor) =>
  world.call(service, "GET", path, { token: actor?.token });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// An id in the shape the API gives items (UUIDv7) that nothing has.
const MISSING = "01900000-0000-7000-8000-000000000000";

describe("moderation is the admins' alone", () => {
  it("refuses a plain user the moderation queue, a report and the audit log (403, nothing of them told), and shows them to an admin", async () => {
    const item = await world.createItem(alice, "Reported for the queue");
    const details = `Queue secret ${Date.now()}`;
    const report = await world.ok("inventory", "POST", "/reports", {
      token: carol.token,
      body: { subjectType: "item", subjectId: item.id, reason: "unsafe", details },
    });
    // An admin action, so the audit log has an entry to keep from plain users.
    const promotee = await world.newActor("promotee");
    await world.ok("users", "PATCH", `/users/${promotee.id}`, {
      token: admin.token,
      body: { role: "admin", reason: "Audit secret" },
    });

    const reads: [Service, string][] = [
      ["inventory", "/reports"],
      ["inventory", "/reports?status=resolved"],
      ["inventory", `/reports/${String(report.id)}`],
      ["notifications", "/admin/audit-log"],
      ["notifications", `/admin/audit-log?subjectId=${promotee.id}`],
    ];
    for (const [service, path] of reads) {
      for (const actor of [dave, carol, alice]) {
        const res = await get(service, path, actor);
        expect(codeOf(res), `${actor.name} GET ${path}: ${res.text.slice(0, 200)}`).toEqual([
          403,
          "forbidden",
        ]);
        expect(res.text).not.toContain(details);
        expect(res.text).not.toContain("Audit secret");
      }
      expect(codeOf(await get(service, path)), `GET ${path} without a token`).toEqual([
        401,
        "unauthenticated",
      ]);
    }

    const queue = await world.ok("inventory", "GET", "/reports?limit=100", { token: admin.token });
    expect((queue.items as { id: string }[]).map((r) => r.id)).toContain(report.id);
    const detail = await world.ok("inventory", "GET", `/reports/${String(report.id)}`, {
      token: admin.token,
    });
    expect(detail.details).toBe(details);
    // The log is written from an event: it reaches the Notification API a moment later.
    let entries: { action: string; reason: string | null }[] = [];
    for (
      const deadline = Date.now() + 10_000;
      entries.length === 0 && Date.now() < deadline;
      await sleep(100)
    )
      entries = (
        await world.ok("notifications", "GET", `/admin/audit-log?subjectId=${promotee.id}`, {
          token: admin.token,
        })
      ).items as typeof entries;
    expect(entries).toEqual([
      expect.objectContaining({ action: "user.role_changed", reason: "Audit secret" }),
    ]);
  });
});

describe("a review is its author's alone until it is revealed", () => {
  it("keeps bob's review of alice from everyone else (a stranger is refused the loan's reviews) until alice writes hers, then shows both", async () => {
    const loan = await world.loan(alice, bob, "returned");
    const secret = `Hidden review ${Date.now()}`;
    await world.review(bob, loan.id, secret);

    // Nobody but bob can read it: not on alice's profile, not through the loan.
    for (const who of [undefined, carol, alice, admin]) {
      const res = await get("inventory", `/users/${alice.id}/reviews`, who);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(secret);
      expect((res.json as { summary: { count: number } }).summary.count).toBe(0);
    }
    for (const stranger of [carol, dave]) {
      const res = await get("inventory", `/loans/${loan.id}/reviews`, stranger);
      expect(codeOf(res), res.text.slice(0, 200)).toEqual([403, "forbidden"]);
      expect(res.text).not.toContain(secret);
    }
    const alices = await world.ok("inventory", "GET", `/loans/${loan.id}/reviews`, { token: alice.token });
    expect(alices).toMatchObject({ mine: null, theirs: null, canReview: true });
    const bobs = await world.ok("inventory", "GET", `/loans/${loan.id}/reviews`, { token: bob.token });
    expect(bobs).toMatchObject({ mine: { body: secret, revealedAt: null }, theirs: null });

    // Alice writes hers: both are public at once.
    await world.review(alice, loan.id, "Bob took good care of it.");
    const profile = await world.ok("inventory", "GET", `/users/${alice.id}/reviews`);
    expect((profile.items as { body: string }[]).map((r) => r.body)).toEqual([secret]);
    const revealed = await world.ok("inventory", "GET", `/loans/${loan.id}/reviews`, { token: alice.token });
    expect(revealed).toMatchObject({ theirs: { body: secret }, mine: { body: "Bob took good care of it." } });
    expect(codeOf(await get("inventory", `/loans/${loan.id}/reviews`, carol))).toEqual([403, "forbidden"]);
  });
});

describe("saved items are their saver's alone", () => {
  it("lists only the caller's own saved items, whatever the query names, and nothing without a token", async () => {
    const bobsPick = await world.createItem(alice, "Saved by bob only");
    const carolsPick = await world.createItem(alice, "Saved by carol only");
    await world.ok("inventory", "PUT", `/items/${bobsPick.id}/favourite`, { token: bob.token });
    await world.ok("inventory", "PUT", `/items/${carolsPick.id}/favourite`, { token: carol.token });

    const savedBy = async (actor: Actor, query = "") => {
      const list = await world.ok("inventory", "GET", `/favourites?limit=100${query}`, {
        token: actor.token,
      });
      const ids = await world.ok("inventory", "GET", `/favourites/ids${query ? `?${query.slice(1)}` : ""}`, {
        token: actor.token,
      });
      return { list: (list.items as { id: string }[]).map((i) => i.id), ids: ids.ids as string[] };
    };
    expect(await savedBy(bob)).toEqual({ list: [bobsPick.id], ids: [bobsPick.id] });
    expect(await savedBy(carol)).toEqual({ list: [carolsPick.id], ids: [carolsPick.id] });
    expect(await savedBy(dave)).toEqual({ list: [], ids: [] });

    // There is no way to name someone else: a query naming bob is refused or ignored, never obeyed.
    for (const query of [`&userId=${bob.id}`, `&ownerId=${bob.id}`, `&user=${bob.id}`]) {
      const res = await get("inventory", `/favourites?limit=100${query}`, carol);
      expect([200, 400], res.text.slice(0, 200)).toContain(res.status);
      expect(res.text).not.toContain(bobsPick.id);
    }
    for (const path of ["/favourites", "/favourites/ids"])
      expect(codeOf(await get("inventory", path))).toEqual([401, "unauthenticated"]);
  });
});

describe("an item moderators hid", () => {
  it("answers 404 to everyone but its owner and admins, exactly as an item that does not exist, and leaves every list", async () => {
    const item = await world.createItem(alice, "Soon hidden listing");
    await world.ok("inventory", "PUT", `/items/${item.id}/favourite`, { token: bob.token });
    const report = await world.report(carol, "item", item.id);
    await world.ok("inventory", "POST", `/reports/${report}/resolve`, {
      token: admin.token,
      body: { action: "hide_item", note: "Prohibited item" },
    });

    for (const who of [undefined, bob, carol, dave]) {
      const theirs = await get("inventory", `/items/${item.id}`, who);
      const missing = await get("inventory", `/items/${MISSING}`, who);
      expect(codeOf(theirs), theirs.text.slice(0, 200)).toEqual([404, "not_found"]);
      expect(comparableAnswer(theirs)).toEqual(
        JSON.parse(JSON.stringify(comparableAnswer(missing)).replaceAll(MISSING, item.id)),
      );
      for (const path of [`/items?ownerId=${alice.id}&limit=100`, "/items?q=Soon%20hidden%20listing"])
        expect((await get("inventory", path, who)).text).not.toContain(item.id);
    }
    expect((await world.ok("inventory", "GET", "/favourites/ids", { token: bob.token })).ids).not.toContain(
      item.id,
    );
    for (const insider of [alice, admin]) {
      const seen = await world.ok("inventory", "GET", `/items/${item.id}`, { token: insider.token });
      expect(seen.hidden).toMatchObject({ reason: "Prohibited item" });
    }
  });
});

describe("a suspended account", () => {
  it("has its tokens refused by every service with 403 account_suspended, cannot sign in, and its items are hidden until the suspension is lifted", async () => {
    const mallory = await world.newActor("mallory");
    const item = await world.createItem(mallory, "Mallory's listing");
    // Validations every service has cached, so the refusal cannot come from a cold cache alone.
    const reads: [Service, string][] = [
      ["users", "/users/me"],
      ["inventory", "/loans"],
      ["notifications", "/notifications/unread-count"],
    ];
    for (const [service, path] of reads) expect((await get(service, path, mallory)).status).toBe(200);

    await world.ok("users", "POST", `/users/${mallory.id}/suspend`, {
      token: admin.token,
      body: { reason: "Harassing neighbours" },
    });
    for (const [service, path] of reads) {
      // The other services hear of it by the revocation event, within moments.
      let res = await get(service, path, mallory);
      for (const deadline = Date.now() + 3_000; res.status === 200 && Date.now() < deadline; await sleep(25))
        res = await get(service, path, mallory);
      expect(codeOf(res), `${service} GET ${path}: ${res.text.slice(0, 200)}`).toEqual([
        403,
        "account_suspended",
      ]);
      expect(res.text).not.toContain("Harassing neighbours");
    }
    const write = await world.call("inventory", "POST", "/items", {
      token: mallory.token,
      body: { title: "Still here", description: "x", categoryId: "tools", condition: "good" },
    });
    expect(codeOf(write)).toEqual([403, "account_suspended"]);
    const login = await world.call("users", "POST", "/auth/login", {
      body: { email: mallory.email, password: mallory.password },
    });
    expect(codeOf(login)).toEqual([403, "account_suspended"]);
    const refresh = await world.call("users", "POST", "/auth/refresh", {
      body: { refreshToken: mallory.refreshToken },
    });
    expect(refresh.status).toBeGreaterThanOrEqual(400);
    expect(refresh.text).not.toContain("accessToken");
    await world.settle();
    expect(codeOf(await get("inventory", `/items/${item.id}`))).toEqual([404, "not_found"]);

    // Lifted: she signs in again and her listing is back.
    await world.ok("users", "POST", `/users/${mallory.id}/unsuspend`, { token: admin.token, body: {} });
    await world.settle();
    const again = await world.ok("users", "POST", "/auth/login", {
      body: { email: mallory.email, password: mallory.password },
    });
    expect((await get("inventory", "/loans", { ...mallory, token: String(again.accessToken) })).status).toBe(
      200,
    );
    expect((await get("inventory", `/items/${item.id}`)).status).toBe(200);
  });
});

describe("every response this file saw", () => {
  it("carried the security headers and no password hash, stack trace or SQL", () => {
    expect(world.recorder.seen.length).toBeGreaterThan(50);
    expect(world.recorder.violations).toEqual([]);
  });
});
