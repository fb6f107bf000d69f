import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOAN_STATUSES } from "@sharehood/sdk/contract";
import { metricValue, scrapeMetrics } from "@sharehood/server-kit/testing";
import { inDays, newItem, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let borrower: User;
let stranger: User;

beforeAll(async () => {
  stack = await startStack("loans");
  [owner, borrower, stranger] = await Promise.all([
    stack.signUp("Olive"),
    stack.signUp("Bea"),
    stack.signUp("Stan"),
  ]);
});
afterAll(() => stack.close());

async function requested(days = [3, 5] as [number, number], who: User = borrower) {
  const item = await owner.client.items.create({ body: newItem() });
  const loan = await who.client.loans.request({
    params: { id: item.id },
    body: { startDate: inDays(days[0]), endDate: inDays(days[1]), message: "Please!" },
  });
  return { item, loan };
}

describe("requesting", () => {
  it("creates a requested loan with its first event", async () => {
    const { item, loan } = await requested();
    expect(loan).toMatchObject({
      item: { id: item.id },
      ownerId: owner.id,
      borrowerId: borrower.id,
      borrowerName: "Bea",
      status: "requested",
      message: "Please!",
      overdue: false,
      extension: null,
    });
    expect(loan.events).toEqual([
      {
        type: "requested",
        fromStatus: null,
        toStatus: "requested",
        actorId: borrower.id,
        at: expect.any(String),
        endDate: null,
      },
    ]);
  });

  it("refuses past and reversed dates with 400 naming the field", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const past = await refused(
      borrower.client.loans.request({
        params: { id: item.id },
        body: { startDate: inDays(-1), endDate: inDays(2) },
      }),
      400,
      "validation_failed",
    );
    expect(past.fieldErrors[0]?.path).toBe("body.startDate");
    const reversed = await refused(
      borrower.client.loans.request({
        params: { id: item.id },
        body: { startDate: inDays(5), endDate: inDays(3) },
      }),
      400,
      "validation_failed",
    );
    expect(reversed.fieldErrors[0]?.path).toBe("body.endDate");
    await refused(
      borrower.client.loans.request({
        params: { id: item.id },
        body: { startDate: "2026-02-30", endDate: inDays(3) },
      }),
      400,
      "validation_failed",
    );
    await refused(
      borrower.client.loans.request({
        params: { id: item.id },
        body: { startDate: inDays(1), endDate: inDays(200) },
      }),
      400,
      "validation_failed",
    );
  });

  it("refuses an owner borrowing their own item (403) and an unknown item (404)", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    await refused(
      owner.client.loans.request({
        params: { id: item.id },
        body: { startDate: inDays(2), endDate: inDays(3) },
      }),
      403,
      "forbidden",
    );
    await refused(
      borrower.client.loans.request({
        params: { id: "01a2099a-0000-7000-8000-000000000000" },
        body: { startDate: inDays(2), endDate: inDays(3) },
      }),
      404,
      "not_found",
    );
  });

  it("refuses dates that overlap a booking with 409", async () => {
    const { item, loan } = await requested([3, 5]);
    await owner.client.loans.approve({ params: { id: loan.id } });
    const error = await refused(
      stranger.client.loans.request({
        params: { id: item.id },
        body: { startDate: inDays(5), endDate: inDays(8) },
      }),
      409,
      "conflict",
    );
    expect(error.message).toMatch(/already booked/);
    await stranger.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(6), endDate: inDays(8) },
    });
  });
});

describe("the lifecycle", () => {
  it("walks requested → approved → active → returned, recording who did what", async () => {
    const { loan } = await requested();
    const approved = await owner.client.loans.approve({ params: { id: loan.id } });
    expect(approved.status).toBe("approved");
    const active = await owner.client.loans.handover({ params: { id: loan.id } });
    expect(active.status).toBe("active");
    const returned = await owner.client.loans.return({ params: { id: loan.id } });
    expect(returned.status).toBe("returned");
    expect(returned.events.map((e) => [e.type, e.fromStatus, e.toStatus, e.actorId])).toEqual([
      ["requested", null, "requested", borrower.id],
      ["approved", "requested", "approved", owner.id],
      ["handed_over", "approved", "active", owner.id],
      ["returned", "active", "returned", owner.id],
    ]);
  });

  it("counts loans by state on /metrics, from the database, moving with each transition", async () => {
    const byState = async () => {
      const text = await scrapeMetrics(stack.inventory.url);
      return Object.fromEntries(
        LOAN_STATUSES.map((s) => [s, metricValue(text, "loans_by_state", { state: s })]),
      );
    };
    const before = await byState();
    expect(Object.values(before).every((n) => typeof n === "number")).toBe(true); // every state, 0 included
    const { loan } = await requested();
    expect(await byState()).toEqual({ ...before, requested: before.requested! + 1 });
    await owner.client.loans.approve({ params: { id: loan.id } });
    expect(await byState()).toEqual({ ...before, approved: before.approved! + 1 });
  });

  it("answers 409 to every transition the state does not allow", async () => {
    const { loan } = await requested();
    await refused(owner.client.loans.handover({ params: { id: loan.id } }), 409, "conflict");
    await refused(owner.client.loans.return({ params: { id: loan.id } }), 409, "conflict");
    await owner.client.loans.decline({ params: { id: loan.id } });
    for (const action of ["approve", "decline", "handover", "return"] as const) {
      await refused(owner.client.loans[action]({ params: { id: loan.id } }), 409, "conflict");
    }
    await refused(borrower.client.loans.cancel({ params: { id: loan.id } }), 409, "conflict");
  });

  it("lets only the owner approve, decline, hand over and confirm return (403 for others)", async () => {
    const { loan } = await requested();
    for (const who of [borrower, stranger]) {
      for (const action of ["approve", "decline", "handover", "return"] as const) {
        await refused(who.client.loans[action]({ params: { id: loan.id } }), 403, "forbidden");
      }
    }
    expect((await borrower.client.loans.get({ params: { id: loan.id } })).status).toBe("requested");
  });

  it("lets the borrower cancel a request, and borrower or owner cancel an approved loan", async () => {
    const first = await requested();
    expect((await borrower.client.loans.cancel({ params: { id: first.loan.id } })).status).toBe("cancelled");
    const second = await requested();
    await refused(owner.client.loans.cancel({ params: { id: second.loan.id } }), 409, "conflict"); // owners decline requests
    await owner.client.loans.approve({ params: { id: second.loan.id } });
    expect((await owner.client.loans.cancel({ params: { id: second.loan.id } })).status).toBe("cancelled");
    const third = await requested();
    await owner.client.loans.approve({ params: { id: third.loan.id } });
    await owner.client.loans.handover({ params: { id: third.loan.id } });
    await refused(borrower.client.loans.cancel({ params: { id: third.loan.id } }), 409, "conflict");
    await refused(stranger.client.loans.cancel({ params: { id: third.loan.id } }), 403, "forbidden");
  });

  it("lets an admin cancel any loan that is not finished, even an active one", async () => {
    const admin = await stack.admin();
    const { item, loan } = await requested();
    await owner.client.loans.approve({ params: { id: loan.id } });
    await owner.client.loans.handover({ params: { id: loan.id } });
    const cancelled = await admin.client.loans.cancel({ params: { id: loan.id } });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.events.at(-1)).toMatchObject({
      type: "cancelled",
      fromStatus: "active",
      actorId: admin.id,
    });
    expect((await stack.client().items.get({ params: { id: item.id } })).bookings).toEqual([]);
    await refused(admin.client.loans.cancel({ params: { id: loan.id } }), 409, "conflict");
  });

  it("expires a request whose start date passed unanswered; it can no longer be approved", async () => {
    const { loan } = await requested([1, 2]);
    // Move the start date into the past, as time would.
    await stack.inventory.api.db
      .$executeRaw`UPDATE loans SET start_date = current_date - 1 WHERE id = ${loan.id}`;
    await refused(owner.client.loans.approve({ params: { id: loan.id } }), 409, "conflict");
    const expired = await borrower.client.loans.get({ params: { id: loan.id } });
    expect(expired.status).toBe("expired");
    expect(expired.events.at(-1)).toMatchObject({ type: "expired", actorId: null });
  });
});

describe("reading loans", () => {
  it("shows a loan to its borrower, its owner and an admin only", async () => {
    const { loan } = await requested();
    await borrower.client.loans.get({ params: { id: loan.id } });
    await owner.client.loans.get({ params: { id: loan.id } });
    await (await stack.admin()).client.loans.get({ params: { id: loan.id } });
    await refused(stranger.client.loans.get({ params: { id: loan.id } }), 403, "forbidden");
    await refused(stack.client().loans.get({ params: { id: loan.id } }), 401, "unauthenticated");
  });

  it("lists my loans as borrower or owner, filtered by status, page by page", async () => {
    const lender = await stack.signUp("Lender");
    const item = await lender.client.items.create({ body: newItem() });
    const made = [];
    for (let i = 0; i < 3; i += 1) {
      made.push(
        await borrower.client.loans.request({
          params: { id: item.id },
          body: { startDate: inDays(20 + i * 3), endDate: inDays(21 + i * 3) },
        }),
      );
    }
    await lender.client.loans.decline({ params: { id: made[0]!.id } });
    const asOwner = await lender.client.loans.list({ query: { as: "owner" } });
    expect(asOwner.items.map((l) => l.id)).toEqual(made.map((l) => l.id).reverse());
    expect((await lender.client.loans.list({ query: { as: "borrower" } })).items).toEqual([]);
    const declined = await lender.client.loans.list({ query: { as: "owner", status: "declined" } });
    expect(declined.items.map((l) => l.id)).toEqual([made[0]!.id]);
    const first = await lender.client.loans.list({ query: { as: "owner", limit: 2 } });
    const second = await lender.client.loans.list({
      query: { as: "owner", limit: 2, cursor: first.nextCursor! },
    });
    expect([...first.items, ...second.items].map((l) => l.id)).toEqual(made.map((l) => l.id).reverse());
    expect(second.nextCursor).toBeNull();
  });
});

describe("the overlap rule under concurrency", () => {
  it("approves exactly one of many overlapping requests approved at the same time; the rest get 409", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const borrowers = await Promise.all(Array.from({ length: 6 }, (_, i) => stack.signUp(`Racer ${i}`)));
    const loans = await Promise.all(
      borrowers.map((b, i) =>
        b.client.loans.request({
          params: { id: item.id },
          body: { startDate: inDays(30 + (i % 2)), endDate: inDays(33) },
        }),
      ),
    );
    const results = await Promise.allSettled(
      loans.map((loan) => owner.client.loans.approve({ params: { id: loan.id } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected") expect((r.reason as { status: number }).status).toBe(409);
    const booked = await stack.inventory.api.db.loan.count({
      where: { itemId: item.id, status: { in: ["approved", "active"] } },
    });
    expect(booked).toBe(1);
  });

  it("refuses in the database itself a second overlapping booking", async () => {
    const { item, loan } = await requested([40, 42]);
    await owner.client.loans.approve({ params: { id: loan.id } });
    const insert = stack.inventory.api.db.$executeRaw`
      INSERT INTO loans (id, item_id, owner_id, borrower_id, start_date, end_date, status, updated_at)
      VALUES ('manual-overlap', ${item.id}, ${owner.id}, ${stranger.id}, current_date + 41, current_date + 45, 'approved', now())`;
    await expect(insert).rejects.toThrow();
  });
});

describe("the moderators' list of every loan", () => {
  it("lists every loan newest first for an admin, by state, overdue, person and item, page by page", async () => {
    const admin = await stack.admin();
    const lender = await stack.signUp("Lena");
    const item = await lender.client.items.create({ body: newItem() });
    const other = await lender.client.items.create({ body: newItem() });
    const late = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(1), endDate: inDays(2) },
    });
    await lender.client.loans.approve({ params: { id: late.id } });
    await lender.client.loans.handover({ params: { id: late.id } });
    // Moved into the past: the API refuses past dates, and overdue is active past its end.
    await stack.inventory.api.db
      .$executeRaw`UPDATE loans SET start_date = current_date - 5, end_date = current_date - 2 WHERE id = ${late.id}`;
    const pending = await stranger.client.loans.request({
      params: { id: other.id },
      body: { startDate: inDays(10), endDate: inDays(12) },
    });

    const all = (query: Parameters<typeof admin.client.loans.listEveryone>[0]["query"]) =>
      admin.client.loans.listEveryone({ query });
    const ids = async (query: Parameters<typeof all>[0]) => (await all(query)).items.map((loan) => loan.id);

    expect(await ids({ userId: lender.id })).toEqual([pending.id, late.id]);
    expect(await ids({ userId: lender.id, overdue: "true" })).toEqual([late.id]);
    expect(await ids({ userId: lender.id, overdue: "false" })).toEqual([pending.id]);
    expect(await ids({ userId: lender.id, status: "requested" })).toEqual([pending.id]);
    expect(await ids({ itemId: item.id })).toEqual([late.id]);
    expect(await ids({ userId: stranger.id, itemId: other.id })).toEqual([pending.id]);
    const overdue = (await all({ overdue: "true" })).items;
    expect(overdue.map((loan) => loan.id)).toContain(late.id);
    expect(overdue.every((loan) => loan.overdue && loan.status === "active")).toBe(true);

    // Paging walks every loan once, newest first.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await all({ limit: 2, cursor });
      seen.push(...page.items.map((loan) => `${loan.createdAt}|${loan.id}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.length).toBe(await stack.inventory.api.db.loan.count());
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it("refuses everyone who may not cancel any loan with 403, and bad filters with 400", async () => {
    await refused(borrower.client.loans.listEveryone({ query: {} }), 403, "forbidden");
    const admin = await stack.admin();
    await refused(
      admin.client.loans.listEveryone({ query: { status: "lost" as never } }),
      400,
      "validation_failed",
    );
    await refused(
      admin.client.loans.listEveryone({ query: { overdue: "yes" as never } }),
      400,
      "validation_failed",
    );
  });
});
