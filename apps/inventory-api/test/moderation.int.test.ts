import type { DomainEvent, Item } from "@sharehood/sdk";
import { requestLoan, type Neighbour, type SignedIn } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORTS_PER_HOUR } from "../src/modules/reports/report-limits.ts";
import { newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Reports, the moderation queue and what admins' decisions do: hidden items, suspended owners, and
// the events (reporters and owners told, every admin action audited) written with each decision.

let stack: TestStack;
let owner: Neighbour;
let reporter: Neighbour;
let stranger: Neighbour;
let admin: SignedIn;

beforeAll(async () => {
  stack = await startStack("moderation");
  [owner, reporter, stranger, admin] = await Promise.all([
    stack.signUp("Olive Owner"),
    stack.signUp("Rita Reporter"),
    stack.signUp("Stan Stranger"),
    stack.admin(),
  ]);
});
afterAll(() => stack.close());

/** Events of this type about this subject in the outbox, oldest first. */
async function outbox<T extends DomainEvent["type"]>(type: T, subjectId: string) {
  const rows = await stack.inventory.api.db.$queryRaw<{ body: Extract<DomainEvent, { type: T }> }[]>`
    SELECT body FROM outbox_events WHERE type = ${type} AND body->'subject'->>'id' = ${subjectId} ORDER BY seq`;
  return rows.map((row) => row.body);
}

const audits = async (subjectId: string) =>
  (await outbox("audit.recorded", subjectId)).map((event) => event.payload);

/** A public read, with no token: what anyone sees (and what the cache serves). */
const publicRead = (path: string) => raw(`${stack.inventory.url}${path}`);
const publicIds = async (path: string) =>
  ((await publicRead(path)).body.items as Item[]).map((item) => item.id);

const report = (who: SignedIn, subjectType: "item" | "user" | "message", subjectId: string) =>
  who.client.reports.create({ body: { subjectType, subjectId, reason: "spam", details: "Not right" } });

describe("filing a report", () => {
  it("takes what the reporter can see, once while open, and refuses the rest", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const filed = await report(reporter, "item", item.id);
    expect(filed).toMatchObject({
      subjectUserId: owner.id,
      reporter: { id: reporter.id, name: "Rita Reporter" },
      status: "open",
      resolution: null,
    });
    await refused(report(reporter, "item", item.id), 409, "conflict");
    await refused(report(owner, "item", item.id), 409, "conflict");
    await refused(report(reporter, "item", "no-such-item"), 404, "not_found");

    // A message: only the other participant of its thread; anyone else learns nothing.
    const thread = await reporter.client.conversations.ask({
      params: { id: item.id },
      body: { body: "Buy my watches instead" },
    });
    const messageId = thread.lastMessage!.id;
    await refused(report(reporter, "message", messageId), 409, "conflict");
    await refused(report(stranger, "message", messageId), 404, "not_found");
    expect(await report(owner, "message", messageId)).toMatchObject({ subjectUserId: reporter.id });

    // A person: someone who exists, not yourself.
    expect(await report(reporter, "user", owner.id)).toMatchObject({ subjectUserId: owner.id });
    await refused(report(reporter, "user", reporter.id), 409, "conflict");
    await refused(report(reporter, "user", "no-such-person"), 404, "not_found");
  });

  it("allows a modest number an hour, then answers 429 with Retry-After", async () => {
    const busy = await stack.signUp("Busy Body");
    for (let i = 0; i < REPORTS_PER_HOUR; i += 1)
      await refused(report(busy, "item", `missing-${i}`), 404, "not_found");
    const error = await refused(report(busy, "item", "missing-last"), 429, "rate_limited");
    expect(error.retryAfter).toBeGreaterThan(0);
  });
});

describe("the moderation queue", () => {
  it("is refused to a plain user and shows admins each report with its context", async () => {
    await refused(reporter.client.reports.list({}), 403, "forbidden");
    const item = await owner.client.items.create({ body: newItem() });
    const thread = await stranger.client.conversations.ask({
      params: { id: item.id },
      body: { body: "You will regret this" },
    });
    await owner.client.conversations.send({ params: { id: thread.id }, body: { body: "Please stop" } });
    const filed = await report(owner, "message", thread.lastMessage!.id);
    await refused(reporter.client.reports.get({ params: { id: filed.id } }), 403, "forbidden");

    const queue = await admin.client.reports.list({ query: { subjectType: "message", limit: 100 } });
    const times = queue.items.map((r) => r.createdAt);
    expect(times).toEqual([...times].sort());
    expect(queue.items.map((r) => r.id)).toContain(filed.id);

    const detail = await admin.client.reports.get({ params: { id: filed.id } });
    expect(detail.context.item?.id).toBe(item.id);
    expect(detail.context.message).toMatchObject({
      id: thread.lastMessage!.id,
      body: "You will regret this",
    });
    expect(detail.context.thread.map((m) => m.body)).toEqual(["You will regret this", "Please stop"]);
  });
});

describe("resolving a report", () => {
  it("hides an item from everyone but its owner and admins, everywhere, and tells and audits it", async () => {
    const word = "zanzibarlantern";
    const item = await owner.client.items.create({ body: newItem({ title: `Brass ${word}` }) });
    const [first, second] = [
      await report(reporter, "item", item.id),
      await report(stranger, "item", item.id),
    ];
    // Warm the public cache with every read the item appears in.
    const reads = [
      `/items?q=${word}`,
      "/items?limit=100",
      "/items?category=tools&limit=100",
      `/items?ownerId=${owner.id}`,
    ];
    for (const path of reads) expect(await publicIds(path)).toContain(item.id);
    expect((await publicRead(`/items/${item.id}`)).status).toBe(200);

    await refused(
      admin.client.reports.resolve({ params: { id: first.id }, body: { action: "hide_item", note: " " } }),
      400,
      "validation_failed",
    );
    const resolved = await admin.client.reports.resolve({
      params: { id: first.id },
      body: { action: "hide_item", note: "Weapons are not allowed" },
    });
    expect(resolved).toMatchObject({
      status: "resolved",
      resolution: { action: "hide_item", by: { id: admin.id } },
    });
    await refused(
      admin.client.reports.resolve({ params: { id: second.id }, body: { action: "dismiss", note: "Twice" } }),
      409,
      "conflict",
    );

    // Gone for the public, the cache and strangers; still there for its owner and admins.
    for (const path of reads) expect(await publicIds(path)).not.toContain(item.id);
    expect((await publicRead(`/items/${item.id}`)).status).toBe(404);
    await refused(stranger.client.items.get({ params: { id: item.id } }), 404, "not_found");
    const seen = await owner.client.items.get({ params: { id: item.id } });
    expect(seen.hidden).toMatchObject({ reason: "Weapons are not allowed" });
    expect((await admin.client.items.get({ params: { id: item.id } })).hidden).not.toBeNull();
    const mine = await owner.client.items.list({ query: { ownerId: owner.id, limit: 100 } });
    expect(mine.items.find((i) => i.id === item.id)?.hidden?.reason).toBe("Weapons are not allowed");
    await refused(requestLoan(stranger.client, item.id, { from: 1, to: 2 }), 404, "not_found");
    await refused(
      stranger.client.conversations.ask({ params: { id: item.id }, body: { body: "Still there?" } }),
      404,
      "not_found",
    );

    // Both reporters told, the owner told why, the hiding audited with its report.
    for (const filed of [first, second])
      expect((await outbox("report.resolved", filed.id))[0]).toMatchObject({
        audience: [filed.reporter.id],
        payload: { action: "hide_item", report: { id: filed.id } },
      });
    expect((await admin.client.reports.get({ params: { id: second.id } })).status).toBe("resolved");
    expect(await outbox("item.hidden", item.id)).toMatchObject([
      { audience: [owner.id], payload: { item: { id: item.id }, reason: "Weapons are not allowed" } },
    ]);
    expect(await audits(item.id)).toMatchObject([
      {
        action: "item.hidden",
        actor: { id: admin.id },
        subject: { type: "item", id: item.id, label: item.title },
        reason: "Weapons are not allowed",
        details: { reportId: first.id },
      },
    ]);
  });

  it("dismisses, changing nothing but the report, and refuses to hide what is not an item", async () => {
    const person = await report(stranger, "user", reporter.id);
    await refused(
      admin.client.reports.resolve({ params: { id: person.id }, body: { action: "hide_item", note: "No" } }),
      422,
      "unprocessable",
    );
    await admin.client.reports.resolve({
      params: { id: person.id },
      body: { action: "dismiss", note: "Fine" },
    });
    expect(await audits(person.id)).toMatchObject([
      { action: "report.dismissed", subject: { type: "report", id: person.id }, reason: "Fine" },
    ]);
    expect((await outbox("report.resolved", person.id))[0]?.payload.action).toBe("dismiss");
  });

  it("suspends the person behind it through the User API: their items go until it is lifted", async () => {
    const suspect = await stack.signUp("Sam Suspect");
    const word = "quokkakite";
    const item = await suspect.client.items.create({ body: newItem({ title: `Red ${word}` }) });
    expect(await publicIds(`/items?q=${word}`)).toEqual([item.id]);
    const filed = await report(reporter, "user", suspect.id);

    await admin.client.reports.resolve({
      params: { id: filed.id },
      body: { action: "suspend_user", note: "Threatened a neighbour" },
    });
    // The User API announces the suspension (pub/sub, as for a deleted account).
    await expect.poll(() => publicIds(`/items?q=${word}`), { timeout: 10_000 }).toEqual([]);
    expect((await publicRead(`/items/${item.id}`)).status).toBe(404);
    const seen = await admin.client.items.get({ params: { id: item.id } });
    expect(seen.hidden).toBeNull(); // no reason of its own: its owner is suspended
    expect((await outbox("report.resolved", filed.id))[0]?.payload.action).toBe("suspend_user");

    await admin.client.users.unsuspend({ params: { id: suspect.id } });
    await expect.poll(() => publicIds(`/items?q=${word}`), { timeout: 10_000 }).toEqual([item.id]);
    expect((await publicRead(`/items/${item.id}`)).status).toBe(200);
  });
});

describe("admins acting on what is not theirs", () => {
  it("audits edits, removals and cancellations with the reason given; bodies stay optional", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await admin.client.items.update({ params: { id: item.id }, body: { title: "Renamed by admin" } });
    const loan = await requestLoan(reporter.client, item.id, { from: 1, to: 2 });
    await admin.client.loans.cancel({ params: { id: loan.id }, body: { reason: "Reported as a scam" } });
    await admin.client.items.delete({ params: { id: item.id }, body: { reason: "Counterfeit" } });
    expect(await audits(item.id)).toMatchObject([
      {
        action: "item.updated",
        subject: { label: "Renamed by admin" },
        reason: null,
        details: { fields: "title" },
      },
      {
        action: "item.deleted",
        actor: { id: admin.id },
        reason: "Counterfeit",
        details: { ownerId: owner.id },
      },
    ]);
    expect(await audits(loan.id)).toMatchObject([
      { action: "loan.cancelled", subject: { type: "loan", id: loan.id }, reason: "Reported as a scam" },
    ]);

    // Their own things: no body needed, nothing audited.
    const own = await owner.client.items.create({ body: newItem() });
    const mine = await requestLoan(reporter.client, own.id, { from: 1, to: 2 });
    await reporter.client.loans.cancel({ params: { id: mine.id } });
    await owner.client.items.delete({ params: { id: own.id } });
    expect([...(await audits(own.id)), ...(await audits(mine.id))]).toEqual([]);
  });
});
