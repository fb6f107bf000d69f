import { Redis } from "ioredis";
import type { DomainEvent } from "@sharehood/sdk";
import { testRedisUrl } from "@sharehood/server-kit/testing";
import { moveLoan, requestLoan, startPrivateRedis, type LoanStep } from "@sharehood/test-stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayUtc } from "../src/dates.ts";
import { sendLoanReminders } from "../src/modules/loans/loan-reminders.ts";
import { createLoansRepository } from "../src/modules/loans/loans.repository.ts";
import { newItem, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Every loan change leaves its domain event in the outbox, written in the change's transaction.

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let owner: User;
let borrower: User;
const redis = new Redis(testRedisUrl(), { lazyConnect: true });
const silent = { info: () => undefined } as unknown as Parameters<typeof sendLoanReminders>[1];

beforeAll(async () => {
  stack = await startStack("loan_events");
  [owner, borrower] = await Promise.all([stack.signUp("Olive"), stack.signUp("Bea")]);
  await redis.connect();
});
afterAll(async () => {
  await redis.del(`${stack.namespace}:events`);
  redis.disconnect();
  await stack.close();
});

const db = () => stack.inventory.api.db;

type LoanDomainEvent = Extract<DomainEvent, { type: `loan.${string}` }>;

/** The loan's events in the outbox, oldest first. */
async function outbox(loanId: string): Promise<LoanDomainEvent[]> {
  const rows = await db().$queryRaw<{ body: LoanDomainEvent }[]>`
    SELECT body FROM outbox_events WHERE body->'subject'->>'id' = ${loanId} ORDER BY seq`;
  return rows.map((row) => row.body);
}

async function loanOf(from: number, to: number) {
  const item = await owner.client.items.create({ body: newItem() });
  return requestLoan(borrower.client, item.id, { from, to, message: "Please!" });
}

async function take(loanId: string, steps: LoanStep[]) {
  for (const step of steps) await moveLoan((step === "cancel" ? borrower : owner).client, loanId, step);
}

describe("loan transitions", () => {
  it("write one event each, about both parties, by whoever acted", async () => {
    const loan = await loanOf(0, 2);
    await take(loan.id, ["approve", "handover", "return"]);
    const events = await outbox(loan.id);
    expect(events.map((e) => [e.type, e.actor?.id, e.payload.loan.status])).toEqual([
      ["loan.requested", borrower.id, "requested"],
      ["loan.approved", owner.id, "approved"],
      ["loan.handed_over", owner.id, "active"],
      ["loan.returned", owner.id, "returned"],
    ]);
    for (const event of events) {
      expect(event.audience).toEqual([owner.id, borrower.id]);
      expect(event).toMatchObject({ source: "inventory-api", subject: { type: "loan", id: loan.id } });
    }
    expect(events[0]!.payload).toMatchObject({
      message: "Please!",
      loan: { item: { id: loan.item.id, title: loan.item.title }, borrowerName: "Bea" },
    });
    // The relay published them to the stream the consumers read.
    await expect
      .poll(async () => (await redis.xrange(`${stack.namespace}:events`, "-", "+")).length)
      .toBeGreaterThanOrEqual(4);
  });

  it("write loan.declined and loan.cancelled", async () => {
    const [declined, cancelled] = [await loanOf(1, 2), await loanOf(1, 2)];
    await take(declined.id, ["decline"]);
    await take(cancelled.id, ["approve", "cancel"]);
    expect((await outbox(declined.id)).map((e) => e.type)).toEqual(["loan.requested", "loan.declined"]);
    const events = await outbox(cancelled.id);
    expect(events.map((e) => [e.type, e.actor?.id])).toEqual([
      ["loan.requested", borrower.id],
      ["loan.approved", owner.id],
      ["loan.cancelled", borrower.id],
    ]);
  });

  it("write nothing for a refused change", async () => {
    const item = await owner.client.items.create({ body: newItem() });
    const first = await requestLoan(borrower.client, item.id, { from: 3, to: 5 });
    const second = await requestLoan(borrower.client, item.id, { from: 4, to: 6 });
    await take(first.id, ["approve"]);
    await refused(moveLoan(owner.client, second.id, "approve"), 409, "conflict");
    await refused(requestLoan(borrower.client, item.id, { from: 4, to: 4 }), 409, "conflict");
    expect((await outbox(second.id)).map((e) => e.type)).toEqual(["loan.requested"]);
    const counted = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM outbox_events WHERE body->'payload'->'loan'->'item'->>'id' = ${item.id}`;
    expect(counted[0]?.n).toBe(3); // two requests and one approval
  });

  it("write loan.expired, by no one, when the sweep expires a request", async () => {
    const loan = await loanOf(1, 2);
    await db().$executeRaw`UPDATE loans SET start_date = current_date - 1 WHERE id = ${loan.id}`;
    expect(await createLoansRepository(db()).expireStale(todayUtc())).toBeGreaterThanOrEqual(1);
    const events = await outbox(loan.id);
    expect(events.map((e) => [e.type, e.actor, e.payload.loan.status])).toEqual([
      ["loan.requested", { id: borrower.id }, "requested"],
      ["loan.expired", null, "expired"],
    ]);
  });
});

describe("reminders", () => {
  it("go out once each, however often and wherever the sweep runs", async () => {
    const dueTomorrow = await loanOf(0, 1);
    await take(dueTomorrow.id, ["approve", "handover"]);
    const overdue = await loanOf(0, 1);
    await take(overdue.id, ["approve", "handover"]);
    await db().$executeRaw`
      UPDATE loans SET start_date = current_date - 3, end_date = current_date - 1 WHERE id = ${overdue.id}`;
    const waiting = await loanOf(5, 6);
    const fresh = await loanOf(5, 6);
    await db()
      .$executeRaw`UPDATE loans SET created_at = now() - interval '49 hours' WHERE id = ${waiting.id}`;

    const loans = createLoansRepository(db());
    // Two replicas at once, then a later round.
    await Promise.all([sendLoanReminders(loans, silent), sendLoanReminders(loans, silent)]);
    await sendLoanReminders(loans, silent);

    const reminders = async (loanId: string) =>
      (await outbox(loanId)).filter((e) => /due_soon|overdue|waiting/.test(e.type));
    expect((await reminders(dueTomorrow.id)).map((e) => [e.type, e.actor, e.audience])).toEqual([
      ["loan.due_soon", null, [owner.id, borrower.id]],
    ]);
    expect((await reminders(overdue.id)).map((e) => e.type)).toEqual(["loan.overdue"]);
    expect((await reminders(waiting.id)).map((e) => [e.type, e.audience])).toEqual([
      ["loan.request_waiting", [owner.id]],
    ]);
    expect(await reminders(fresh.id)).toEqual([]);
  });
});

describe("cancelling a leaver's loans", () => {
  it("writes loan.cancelled by no one for each open loan", async () => {
    const leaver = await stack.signUp("Lee");
    const item = await owner.client.items.create({ body: newItem() });
    const loan = await requestLoan(leaver.client, item.id, { from: 2, to: 3 });
    expect(await createLoansRepository(db()).cancelAllOf(leaver.id)).toBe(1);
    expect((await outbox(loan.id)).map((e) => [e.type, e.actor, e.payload.loan.status])).toEqual([
      ["loan.requested", { id: leaver.id }, "requested"],
      ["loan.cancelled", null, "cancelled"],
    ]);
  });
});

describe("while Redis is down", () => {
  it("keeps loan events in the outbox and publishes them once it is back", async () => {
    const privateRedis = await startPrivateRedis();
    const env = { REDIS_URL: privateRedis.url };
    const outage = await startStack("loan_events_outage", { users: env, inventory: env });
    const reader = new Redis(privateRedis.url, { lazyConnect: true });
    try {
      const [lender, asker] = [await outage.signUp("Lena"), await outage.signUp("Ash")];
      const item = await lender.client.items.create({ body: newItem() });
      await privateRedis.kill();
      const loan = await requestLoan(asker.client, item.id, { from: 1, to: 2 });
      const unpublished = async () =>
        (
          await outage.inventory.api.db.$queryRaw<{ id: string }[]>`
            SELECT id::text FROM outbox_events WHERE published_at IS NULL AND body->'subject'->>'id' = ${loan.id}`
        ).map((row) => row.id);
      const [eventId] = await unpublished();
      expect(eventId).toBeDefined();

      await privateRedis.start();
      await reader.connect();
      const stream = `${outage.namespace}:events`;
      await expect
        .poll(async () => (await reader.xrange(stream, "-", "+")).some(([, f]) => f[1]?.includes(eventId!)), {
          timeout: 10_000,
        })
        .toBe(true);
      // The relay marks the row published after the stream took it: wait for that step as well.
      await expect.poll(unpublished, { timeout: 10_000 }).toEqual([]);
    } finally {
      reader.disconnect();
      await outage.close();
      await privateRedis.stop();
    }
  });
});
