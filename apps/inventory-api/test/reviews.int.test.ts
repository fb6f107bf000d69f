import type { DomainEventOf, Loan } from "@sharehood/sdk";
import { moveLoan, requestLoan } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReviewsRepository } from "../src/modules/reviews/reviews.repository.ts";
import { newItem, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Reviews after a returned loan: who may write one, when, and the double-blind reveal. Time moves by
// shifting the loan's return (and its reviews' times) back in the database, never by waiting.

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let borrower: User;
let stranger: User;

beforeAll(async () => {
  stack = await startStack("reviews");
  [owner, borrower, stranger] = await Promise.all([
    stack.signUp("Olive"),
    stack.signUp("Bea"),
    stack.signUp("Sam"),
  ]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;

async function loanAt(
  steps: ("approve" | "handover" | "return")[],
  from = owner,
  to = borrower,
): Promise<Loan> {
  const item = await from.client.items.create({ body: newItem() });
  const loan = await requestLoan(to.client, item.id, { from: 0, to: 1 });
  for (const step of steps) await moveLoan(from.client, loan.id, step);
  return loan;
}
const returnedLoan = (from = owner, to = borrower) => loanAt(["approve", "handover", "return"], from, to);

/** `days` pass for a loan: its return, and its reviews' writing and reveal, move that far back. */
async function age(loanId: string, days: number) {
  await db()
    .$executeRaw`UPDATE loans SET returned_at = returned_at - make_interval(days => ${days}) WHERE id = ${loanId}`;
  await db().$executeRaw`
    UPDATE reviews SET created_at = created_at - make_interval(days => ${days}),
      reveal_at = reveal_at - make_interval(days => ${days}) WHERE loan_id = ${loanId}`;
}

async function revealEvents(loanId: string): Promise<DomainEventOf<"review.revealed">[]> {
  const rows = await db().$queryRaw<{ body: DomainEventOf<"review.revealed"> }[]>`
    SELECT body FROM outbox_events WHERE type = 'review.revealed' AND body->'subject'->>'id' = ${loanId} ORDER BY seq`;
  return rows.map((row) => row.body);
}

const write = (user: User, loanId: string, rating: number, body?: string) =>
  user.client.reviews.write({ params: { id: loanId }, body: { rating, body } });
const forLoan = (user: User, loanId: string) => user.client.reviews.forLoan({ params: { id: loanId } });
const publicReviews = (userId: string, limit = 20, cursor?: string) =>
  stack.client().reviews.ofUser({ params: { id: userId }, query: { limit, cursor } });
const sweep = () => createReviewsRepository(db()).announceReveals();

describe("writing a review", () => {
  it("is refused outside the loan, before the return, twice, after the window and with bad input", async () => {
    const active = await loanAt(["approve", "handover"]);
    const notReturned = await refused(write(borrower, active.id, 5), 409, "conflict");
    expect(notReturned.problem.reason).toBe("not_returned");
    expect(await forLoan(borrower, active.id)).toEqual({
      mine: null,
      theirs: null,
      canReview: false,
      reviewableUntil: null,
    });

    const loan = await returnedLoan();
    await refused(write(stranger, loan.id, 5), 403, "forbidden");
    await refused(forLoan(stranger, loan.id), 403, "forbidden");
    await refused(write(borrower, "no-such-loan", 5), 404, "not_found");
    await refused(write(borrower, loan.id, 6), 400, "validation_failed");
    await refused(write(borrower, loan.id, 4, "x".repeat(1001)), 400, "validation_failed");

    // The same person twice at once: the unique index lets one through.
    const [first, second] = await Promise.allSettled([
      write(borrower, loan.id, 5, "Great drill"),
      write(borrower, loan.id, 1),
    ]);
    const outcomes = [first, second].map((o) => o.status).sort();
    expect(outcomes).toEqual(["fulfilled", "rejected"]);
    const again = await refused(write(borrower, loan.id, 3), 409, "conflict");
    expect(again.problem.reason).toBe("already_reviewed");
    const stored = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM reviews WHERE loan_id IN (${loan.id}, ${active.id})`;
    expect(stored[0]?.n).toBe(1);

    // The return stamped its time; the window runs 14 days from it.
    const [stamped] = await db().$queryRaw<{ returnedAt: Date }[]>`
      SELECT returned_at AS "returnedAt" FROM loans WHERE id = ${loan.id}`;
    const returnedAt = stamped!.returnedAt;
    expect(Date.now() - returnedAt.getTime()).toBeLessThan(60_000);
    expect((await forLoan(owner, loan.id)).reviewableUntil).toBe(
      new Date(returnedAt.getTime() + 14 * 86_400_000).toISOString(),
    );
    // 15 days on (the borrower's hidden review stays as it was: only the window matters here).
    await db()
      .$executeRaw`UPDATE loans SET returned_at = returned_at - interval '15 days' WHERE id = ${loan.id}`;
    const late = await refused(write(owner, loan.id, 4), 409, "conflict");
    expect(late.problem.reason).toBe("window_closed");
  });
});

describe("the double-blind reveal", () => {
  it("hides one review until the window ends (day 13 hidden, day 15 revealed, announced once)", async () => {
    const loan = await returnedLoan();
    const mine = await write(borrower, loan.id, 4, "Worked well");
    expect(mine).toMatchObject({ rating: 4, body: "Worked well", subjectId: owner.id, revealedAt: null });
    expect(mine.author).toMatchObject({ id: borrower.id, name: "Bea" });
    expect(await forLoan(borrower, loan.id)).toMatchObject({
      mine: { id: mine.id },
      theirs: null,
      canReview: false,
    });

    const hidden = async () => {
      expect(await forLoan(owner, loan.id)).toMatchObject({ mine: null, theirs: null, canReview: true });
      expect((await publicReviews(owner.id)).items.map((r) => r.id)).not.toContain(mine.id);
      await refused(
        owner.client.reviews.reply({ params: { id: mine.id }, body: { body: "Thanks" } }),
        404,
        "not_found",
      );
    };
    await hidden();
    await age(loan.id, 13);
    expect(await sweep()).toBe(0);
    await hidden();
    expect(await revealEvents(loan.id)).toEqual([]);

    await age(loan.id, 2);
    const seen = await forLoan(owner, loan.id);
    expect(seen).toMatchObject({ mine: null, theirs: { id: mine.id, rating: 4 }, canReview: false });
    expect(seen.theirs?.revealedAt).not.toBeNull();
    expect((await publicReviews(owner.id)).items.map((r) => r.id)).toContain(mine.id);
    expect((await refused(write(owner, loan.id, 5), 409, "conflict")).problem.reason).toBe("window_closed");

    // Two replicas sweep at once, then again: one announcement (the app's own sweep may come first).
    await Promise.all([sweep(), sweep()]);
    await sweep();
    const events = await revealEvents(loan.id);
    expect(events.map((e) => [e.actor, e.audience, e.payload.reviews])).toEqual([
      [null, [owner.id, borrower.id], [{ id: mine.id, authorId: borrower.id, subjectId: owner.id }]],
    ]);
  });

  it("reveals both at once when the second is written, with its event, and lets the subject reply once", async () => {
    const [lena, lou] = await Promise.all([stack.signUp("Lena"), stack.signUp("Lou")]);
    const loan = await returnedLoan(lena, lou);
    await age(loan.id, 13);
    const first = await write(lena, loan.id, 5, "Brought it back clean");
    const second = await write(lou, loan.id, 4);
    expect(second.revealedAt).not.toBeNull();
    const [byLena, byLou] = [await forLoan(lena, loan.id), await forLoan(lou, loan.id)];
    expect(byLena.theirs).toMatchObject({ id: second.id, body: null, authorRole: "borrower" });
    expect(byLou.theirs).toMatchObject({ id: first.id, authorRole: "owner", revealedAt: second.revealedAt });

    const events = await revealEvents(loan.id);
    expect(events.map((e) => [e.actor, e.subject, e.audience, e.payload.loan.id])).toEqual([
      [{ id: lou.id }, { type: "loan", id: loan.id }, [lena.id, lou.id], loan.id],
    ]);
    expect(events[0]!.payload.reviews.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    await sweep();
    expect(await revealEvents(loan.id)).toHaveLength(1);

    // The reviewed person answers once; nobody else can.
    const reply = (user: User, id: string, body: string) =>
      user.client.reviews.reply({ params: { id }, body: { body } });
    await refused(reply(lena, first.id, "Thanks"), 403, "forbidden");
    await refused(reply(lou, "no-such-review", "Thanks"), 404, "not_found");
    const answered = await reply(lou, first.id, "Thank you, Lena!");
    expect(answered.reply).toMatchObject({ body: "Thank you, Lena!" });
    expect((await refused(reply(lou, first.id, "Again"), 409, "conflict")).problem.reason).toBe(
      "already_replied",
    );

    // A second loan, both reviewed: newest revealed first, one per page, and the summary.
    const later = await returnedLoan(lena, lou);
    const newest = await write(lena, later.id, 4);
    await write(lou, later.id, 3);
    const page = await publicReviews(lou.id, 1);
    expect(page.items.map((r) => r.id)).toEqual([newest.id]);
    expect(page.summary).toEqual({ average: 4.5, count: 2, completedAsLender: 0, completedAsBorrower: 2 });
    const rest = await publicReviews(lou.id, 1, page.nextCursor ?? undefined);
    expect(rest.items.map((r) => [r.id, r.reply?.body])).toEqual([[first.id, "Thank you, Lena!"]]);
    expect(rest.nextCursor).toBeNull();
    expect((await publicReviews(lena.id)).summary).toEqual({
      average: 3.5,
      count: 2,
      completedAsLender: 2,
      completedAsBorrower: 0,
    });
    expect(await publicReviews(stranger.id)).toEqual({
      items: [],
      nextCursor: null,
      summary: { average: null, count: 0, completedAsLender: 0, completedAsBorrower: 0 },
    });
  });
});
