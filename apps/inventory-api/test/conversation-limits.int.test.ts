import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { talkOf, type ConversationClient } from "./conversation-client.ts";
import { inDays, newItem, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// What stops a person from writing (issue 15): 30 messages a minute, 10 new threads an hour (on the
// shared Redis limiter), and blocks. Each refusal is a clear problem+json and stores nothing.

let stack: TestStack;
type Person = Awaited<ReturnType<TestStack["signUp"]>> & { talk: ConversationClient };

async function person(name: string): Promise<Person> {
  const user = await stack.signUp(name);
  return { ...user, talk: talkOf(user.client) };
}

beforeAll(async () => {
  stack = await startStack("conversation_limits");
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;
const listItem = (who: Person) => who.client.items.create({ body: newItem() });
const ask = (who: Person, itemId: string, body: string) =>
  who.talk.ask({ params: { id: itemId }, body: { body } });

async function count(sql: "messages" | "conversations" | "loans", userId: string): Promise<number> {
  const rows =
    sql === "messages"
      ? await db().$queryRaw<
          { n: number }[]
        >`SELECT count(*)::int AS n FROM messages WHERE author_id = ${userId}`
      : sql === "conversations"
        ? await db().$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM conversations WHERE asker_id = ${userId}`
        : await db().$queryRaw<
            { n: number }[]
          >`SELECT count(*)::int AS n FROM loans WHERE borrower_id = ${userId}`;
  return rows[0]!.n;
}

describe("rate limits", () => {
  it("allow 30 messages a minute per person, then refuse with 429 and Retry-After, storing nothing", async () => {
    const [owner, chatty] = await Promise.all([person("Olive"), person("Chatty")]);
    const thread = await ask(chatty, (await listItem(owner)).id, "message 1");
    for (let n = 2; n <= 30; n += 1)
      await chatty.talk.send({ params: { id: thread.id }, body: { body: `message ${n}` } });
    const error = await refused(
      chatty.talk.send({ params: { id: thread.id }, body: { body: "one too many" } }),
      429,
      "rate_limited",
    );
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(error.message).toMatch(/30 messages a minute/);
    await refused(ask(chatty, (await listItem(owner)).id, "a new thread"), 429, "rate_limited");
    expect(await count("messages", chatty.id)).toBe(30);
    // The limit is the sender's: the other person can still answer.
    await owner.talk.send({ params: { id: thread.id }, body: { body: "Slow down!" } });
  });

  it("allow 10 new threads an hour per person; continuing a thread is not a new one", async () => {
    const [owner, asker] = await Promise.all([person("Olive"), person("Curious")]);
    const items = await Promise.all(Array.from({ length: 11 }, () => listItem(owner)));
    const threads = [];
    for (const item of items.slice(0, 10)) threads.push(await ask(asker, item.id, "Is it free?"));
    const error = await refused(ask(asker, items[10]!.id, "And this one?"), 429, "rate_limited");
    expect(error.message).toMatch(/10 new conversations an hour/);
    expect(error.retryAfter).toBeGreaterThan(0);
    expect(await count("conversations", asker.id)).toBe(10);
    // Asking again about an item already asked about continues that thread.
    const again = await ask(asker, items[0]!.id, "Still free?");
    expect(again.id).toBe(threads[0]!.id);
    await asker.talk.send({ params: { id: threads[1]!.id }, body: { body: "Thanks" } });
    expect(await count("messages", asker.id)).toBe(12);
  });
});

describe("blocks", () => {
  it("stop the blocked person writing to the blocker or asking to borrow their items (403 blocked), storing nothing", async () => {
    const [owner, pest, friend] = await Promise.all([person("Olive"), person("Pest"), person("Friend")]);
    const [item, other] = [await listItem(owner), await listItem(owner)];
    const thread = await ask(pest, item.id, "Hello");
    await owner.talk.block({ params: { userId: pest.id } });

    const refusals = [
      await refused(
        pest.talk.send({ params: { id: thread.id }, body: { body: "Hello??" } }),
        403,
        "forbidden",
      ),
      await refused(ask(pest, item.id, "Hello???"), 403, "forbidden"),
      await refused(ask(pest, other.id, "What about this?"), 403, "forbidden"),
      await refused(
        pest.client.loans.request({
          params: { id: other.id },
          body: { startDate: inDays(2), endDate: inDays(3), message: "Let me borrow it" },
        }),
        403,
        "forbidden",
      ),
    ];
    for (const error of refusals) expect(error.problem.reason).toBe("blocked");
    expect(refusals[3]!.message).toMatch(/does not accept requests from you/);
    expect(await count("messages", pest.id)).toBe(1);
    expect(await count("conversations", pest.id)).toBe(1);
    expect(await count("loans", pest.id)).toBe(0);
    const events = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM outbox_events WHERE body->'actor'->>'id' = ${pest.id}`;
    expect(events[0]!.n).toBe(1); // the first "Hello" only

    // The thread stays readable to both; the blocker may still write; others are unaffected.
    expect((await pest.talk.messages({ params: { id: thread.id } })).items).toHaveLength(1);
    await owner.talk.send({ params: { id: thread.id }, body: { body: "Please stop." } });
    await ask(friend, item.id, "Is it free?");
  });

  it("are listed, idempotent, refused for oneself, and lifted by unblocking", async () => {
    const [me, them, unknown] = await Promise.all([person("Me"), person("Them"), person("Nobody")]);
    // Names come from the people this API has seen (validated tokens): "Them" has been here, "Nobody" not.
    await them.talk.list({});
    await me.talk.block({ params: { userId: them.id } });
    await me.talk.block({ params: { userId: them.id } });
    await me.talk.block({ params: { userId: unknown.id } });
    const listed = await me.talk.blocks({});
    expect(listed.items.map((b) => b.user.id)).toEqual([unknown.id, them.id]);
    expect(listed.items.map((b) => b.user)).toEqual([
      { id: unknown.id, name: "A neighbour", formerMember: false },
      { id: them.id, name: "Them", formerMember: false },
    ]);
    const paged = await me.talk.blocks({ query: { limit: 1 } });
    expect(paged.items).toHaveLength(1);
    const rest = await me.talk.blocks({ query: { limit: 1, cursor: paged.nextCursor! } });
    expect(rest.items.map((b) => b.user.id)).toEqual([them.id]);

    await refused(me.talk.block({ params: { userId: me.id } }), 400, "validation_failed");
    const item = await listItem(me);
    await refused(ask(them, item.id, "Hi"), 403, "forbidden");
    await me.talk.unblock({ params: { userId: them.id } });
    await me.talk.unblock({ params: { userId: them.id } });
    expect((await me.talk.blocks({})).items.map((b) => b.user.id)).toEqual([unknown.id]);
    const thread = await ask(them, item.id, "Hi again");
    expect(thread.other.id).toBe(me.id);
    await them.client.loans.request({
      params: { id: item.id },
      body: { startDate: inDays(2), endDate: inDays(3) },
    });
  });
});
