import type { BorrowingRefusal, LoanDetail } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// A borrower asks to keep a loan longer; the owner approves (the loan's end moves, unless the
// database refuses the new dates) or declines; the borrower may withdraw the request.

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let borrower: User;
let next: User;

beforeAll(async () => {
  stack = await startStack("extensions");
  [owner, borrower, next] = await Promise.all([
    stack.signUp("Olive"),
    stack.signUp("Bea"),
    stack.signUp("Nina"),
  ]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;

/** An approved loan of a new item of Olive's to Bea, days `from`..`to` from today. */
async function approvedLoan(from = 3, to = 5, maxDays: number | null = null) {
  const item = await owner.client.items.create({ body: newItem() });
  await db().$executeRaw`UPDATE items SET max_days = ${maxDays}::int WHERE id = ${item.id}`;
  const loan = await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: inDays(from), endDate: inDays(to) },
  });
  await owner.client.loans.approve({ params: { id: loan.id } });
  return { item, loan };
}

const extend = (loanId: string, days: number, who: User = borrower) =>
  who.client.loans.requestExtension({ params: { id: loanId }, body: { endDate: inDays(days) } });

async function refusedFor(promise: Promise<unknown>, status: 409 | 422, reason: BorrowingRefusal) {
  const error = await refused(promise, status, status === 409 ? "conflict" : "unprocessable");
  expect(error.problem).toMatchObject({ reason });
}

/** Outbox events of the loan, oldest first. */
async function outboxTypes(loanId: string): Promise<string[]> {
  const rows = await db().$queryRaw<{ type: string }[]>`
    SELECT type FROM outbox_events WHERE body->'subject'->>'id' = ${loanId} ORDER BY seq`;
  return rows.map((row) => row.type);
}

const historyOf = (loan: LoanDetail) => loan.events.map((e) => [e.type, e.actorId, e.endDate]);

describe("asking for an extension", () => {
  it("records a pending extension in the loan's history and tells the owner through the outbox", async () => {
    const { loan } = await approvedLoan(3, 5);
    const extension = await extend(loan.id, 8);
    expect(extension).toMatchObject({
      loanId: loan.id,
      previousEndDate: inDays(5),
      endDate: inDays(8),
      status: "pending",
      decidedAt: null,
    });
    const detail = await owner.client.loans.get({ params: { id: loan.id } });
    expect(detail.endDate).toBe(inDays(5));
    expect(detail.extension).toEqual(extension);
    expect(historyOf(detail).at(-1)).toEqual(["extension_requested", borrower.id, inDays(8)]);
    expect((await outboxTypes(loan.id)).at(-1)).toBe("loan.extension_requested");
  });

  it("refuses a second request while one is pending with 409 extension_pending", async () => {
    const { loan } = await approvedLoan();
    await extend(loan.id, 7);
    await refusedFor(extend(loan.id, 7), 409, "extension_pending");
  });

  it("refuses an extension of a loan that is not approved or active with 409", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const requested = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(3), endDate: inDays(4) },
    });
    await refused(extend(requested.id, 6), 409, "conflict");
  });

  it("refuses an end date not after the current end with 400", async () => {
    const { loan } = await approvedLoan(3, 5);
    const error = await refused(extend(loan.id, 5), 400, "validation_failed");
    expect(error.fieldErrors[0]?.path).toBe("body.endDate");
  });

  it("refuses a loan longer than the item's maximum with 422 too_long", async () => {
    const { loan } = await approvedLoan(3, 5, 5);
    await refusedFor(extend(loan.id, 8), 422, "too_long");
    expect((await extend(loan.id, 7)).status).toBe("pending");
  });

  it("refuses early new days that the next loan holds (409 dates_taken) or the owner blocked (409 dates_blocked)", async () => {
    const { item, loan } = await approvedLoan(3, 5);
    const following = await next.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(8), endDate: inDays(9) },
    });
    await owner.client.loans.approve({ params: { id: following.id } });
    await refusedFor(extend(loan.id, 8), 409, "dates_taken");
    await db().$executeRaw`
      INSERT INTO item_blocks (id, item_id, start_date, end_date)
      VALUES (gen_random_uuid()::text, ${item.id}, ${inDays(6)}::date, ${inDays(6)}::date)`;
    await refusedFor(extend(loan.id, 7), 409, "dates_blocked");
  });

  it("lets only the borrower ask (403 for the owner and anyone else)", async () => {
    const { loan } = await approvedLoan();
    await refused(extend(loan.id, 7, owner), 403, "forbidden");
    await refused(extend(loan.id, 7, next), 403, "forbidden");
    await refused(extend("01a2099a-0000-7000-8000-000000000000", 7), 404, "not_found");
  });
});

describe("answering an extension", () => {
  it("moves the loan's end date when the owner approves, and records it", async () => {
    const { item, loan } = await approvedLoan(3, 5);
    await extend(loan.id, 8);
    const approved = await owner.client.loans.approveExtension({ params: { id: loan.id } });
    expect(approved.endDate).toBe(inDays(8));
    expect(approved.extension).toMatchObject({ status: "approved", decidedAt: expect.any(String) });
    expect(historyOf(approved).at(-1)).toEqual(["extension_approved", owner.id, inDays(8)]);
    expect((await outboxTypes(loan.id)).at(-1)).toBe("loan.extension_approved");
    // The public item page shows the longer booking at once (the route empties the cache).
    expect((await stack.client().items.get({ params: { id: item.id } })).bookings).toEqual([
      { startDate: inDays(3), endDate: inDays(8) },
    ]);
  });

  it("refuses an approval colliding with the next loan, approved since, with 409 dates_taken; nothing changes", async () => {
    const { item, loan } = await approvedLoan(3, 5);
    await extend(loan.id, 9);
    const following = await next.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(8), endDate: inDays(10) },
    });
    await owner.client.loans.approve({ params: { id: following.id } });
    await refusedFor(owner.client.loans.approveExtension({ params: { id: loan.id } }), 409, "dates_taken");
    const after = await borrower.client.loans.get({ params: { id: loan.id } });
    expect(after.endDate).toBe(inDays(5));
    expect(after.extension?.status).toBe("pending");
    expect(after.events.at(-1)?.type).toBe("extension_requested");
  });

  it("refuses an approval over days blocked since with 409 dates_blocked; nothing changes", async () => {
    const { item, loan } = await approvedLoan(3, 5);
    await extend(loan.id, 9);
    await db().$executeRaw`
      INSERT INTO item_blocks (id, item_id, start_date, end_date)
      VALUES (gen_random_uuid()::text, ${item.id}, ${inDays(9)}::date, ${inDays(12)}::date)`;
    await refusedFor(owner.client.loans.approveExtension({ params: { id: loan.id } }), 409, "dates_blocked");
    expect((await borrower.client.loans.get({ params: { id: loan.id } })).endDate).toBe(inDays(5));
  });

  it("lets the owner decline and the borrower withdraw; each is recorded, and a new request may follow", async () => {
    const { loan } = await approvedLoan(3, 5);
    await extend(loan.id, 7);
    const declined = await owner.client.loans.declineExtension({ params: { id: loan.id } });
    expect([declined.endDate, declined.extension?.status]).toEqual([inDays(5), "declined"]);
    await extend(loan.id, 6);
    const withdrawn = await borrower.client.loans.cancelExtension({ params: { id: loan.id } });
    expect(withdrawn.extension?.status).toBe("cancelled");
    expect(historyOf(withdrawn).slice(-3)).toEqual([
      ["extension_declined", owner.id, inDays(7)],
      ["extension_requested", borrower.id, inDays(6)],
      ["extension_cancelled", borrower.id, inDays(6)],
    ]);
    // A withdrawal tells no one; the answer does.
    expect((await outboxTypes(loan.id)).slice(-3)).toEqual([
      "loan.extension_requested",
      "loan.extension_declined",
      "loan.extension_requested",
    ]);
  });

  it("lets only the owner answer and only the borrower withdraw (403), and 409 with nothing pending", async () => {
    const { loan } = await approvedLoan();
    await refused(owner.client.loans.approveExtension({ params: { id: loan.id } }), 409, "conflict");
    await extend(loan.id, 7);
    for (const who of [borrower, next])
      await refused(who.client.loans.approveExtension({ params: { id: loan.id } }), 403, "forbidden");
    await refused(borrower.client.loans.declineExtension({ params: { id: loan.id } }), 403, "forbidden");
    await refused(owner.client.loans.cancelExtension({ params: { id: loan.id } }), 403, "forbidden");
    expect((await owner.client.loans.get({ params: { id: loan.id } })).extension?.status).toBe("pending");
  });

  it("lets a pending request lapse when the loan is cancelled", async () => {
    const { loan } = await approvedLoan();
    await extend(loan.id, 7);
    const cancelled = await borrower.client.loans.cancel({ params: { id: loan.id } });
    expect(cancelled.extension?.status).toBe("cancelled");
    await refused(owner.client.loans.approveExtension({ params: { id: loan.id } }), 409, "conflict");
  });

  it("lets exactly one of an extension and the next loan win when both are approved at once (409 for the other)", async () => {
    const { item, loan } = await approvedLoan(3, 5);
    await extend(loan.id, 9);
    const following = await next.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(8), endDate: inDays(10) },
    });
    const results = await Promise.allSettled([
      owner.client.loans.approveExtension({ params: { id: loan.id } }),
      owner.client.loans.approve({ params: { id: following.id } }),
      // A move of the same loan at the same time waits its turn rather than deadlocking.
      owner.client.loans.handover({ params: { id: loan.id } }),
    ]);
    const [extension, other, handover] = results.map((r) =>
      r.status === "fulfilled" ? 200 : (r.reason as { status: number }).status,
    );
    expect([extension, other].sort()).toEqual([200, 409]);
    expect(handover).toBe(200);
  });
});
