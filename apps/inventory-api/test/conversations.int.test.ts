import type { DomainEventOf } from "@sharehood/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { talkOf, type ConversationClient } from "./conversation-client.ts";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// Threads between an item's owner and one other person (issue 15): who may read and write them,
// what is refused and stored, how unread counts and "seen" marks move, and what survives a removed
// item or a deleted account. Rate limits and blocks: conversation-limits.int.test.ts.

let stack: TestStack;
type Person = Awaited<ReturnType<TestStack["signUp"]>> & { talk: ConversationClient };
let owner: Person;
let asker: Person;
let stranger: Person;

// Each person may open 10 threads an hour and send 30 messages a minute: tests that write a lot
// sign up people of their own.
async function person(name: string): Promise<Person> {
  const user = await stack.signUp(name);
  return { ...user, talk: talkOf(user.client) };
}

beforeAll(async () => {
  stack = await startStack("conversations");
  [owner, asker, stranger] = await Promise.all([person("Olive"), person("Ash"), person("Stan")]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;
const listItem = (who: Person = owner, title?: string) =>
  who.client.items.create({ body: newItem(title ? { title } : {}) });
const ask = (who: Person, itemId: string, body: string) =>
  who.talk.ask({ params: { id: itemId }, body: { body } });
const requestLoan = (who: Person, itemId: string, message?: string) =>
  who.client.loans.request({
    params: { id: itemId },
    body: { startDate: inDays(2), endDate: inDays(3), message },
  });

async function storedMessages(conversationId: string): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages WHERE conversation_id = ${conversationId}`;
  return rows[0]!.n;
}

type MessageEvent = DomainEventOf<"message.created">;
async function messageEvents(conversationId: string): Promise<MessageEvent[]> {
  const rows = await db().$queryRaw<{ body: MessageEvent }[]>`
    SELECT body FROM outbox_events WHERE type = 'message.created'
      AND body->'subject'->>'id' = ${conversationId} ORDER BY seq`;
  return rows.map((row) => row.body);
}

describe("asking about an item", () => {
  it("opens one thread per item and asker; asking again continues it", async () => {
    const item = await listItem();
    const first = await ask(asker, item.id, "  Is it still available?  ");
    const again = await ask(asker, item.id, "And does it come with bits?");
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({
      item: { id: item.id, title: item.title, deleted: false, thumbnailUrl: null },
      other: { id: owner.id, name: "Olive", formerMember: false },
      loanId: null,
      unreadCount: 0,
      lastMessage: { authorId: asker.id, body: "Is it still available?", seen: false },
    });
    const page = await asker.talk.messages({ params: { id: first.id } });
    expect(page.items.map((m) => m.body)).toEqual(["And does it come with bits?", "Is it still available?"]);
    // Another asker gets a thread of their own.
    const other = await ask(stranger, item.id, "Could I borrow it in May?");
    expect(other.id).not.toBe(first.id);
  });

  it("lets the owner answer in the asker's thread, and refuses the owner asking about their own item", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "Is it heavy?");
    const ownersView = await owner.talk.get({ params: { id: thread.id } });
    expect(ownersView).toMatchObject({ other: { id: asker.id, name: "Ash" }, unreadCount: 1 });
    const reply = await owner.talk.send({ params: { id: thread.id }, body: { body: "About 2 kg." } });
    expect(reply).toMatchObject({ conversationId: thread.id, authorId: owner.id, seen: false });
    await refused(ask(owner, item.id, "Talking to myself"), 403, "forbidden");
  });

  it("answers 404 for an item that does not exist or was removed", async () => {
    const item = await listItem();
    await owner.client.items.delete({ params: { id: item.id } });
    await refused(ask(asker, item.id, "Still there?"), 404, "not_found");
    await refused(ask(asker, "no-such-item", "Hello?"), 404, "not_found");
  });
});

describe("a loan's thread", () => {
  it("opens with the request's message, and GET /loans/:id names it for borrower and owner only", async () => {
    const item = await listItem();
    const loan = await requestLoan(asker, item.id, "Can I have it Saturday?");
    const asBorrower = await asker.client.loans.get({ params: { id: loan.id } });
    const asOwner = await owner.client.loans.get({ params: { id: loan.id } });
    expect(asBorrower.conversationId).toEqual(expect.any(String));
    expect(asOwner.conversationId).toBe(asBorrower.conversationId);
    expect(loan).toMatchObject({ conversationId: asBorrower.conversationId });
    const admin = await stack.admin();
    expect((await admin.client.loans.get({ params: { id: loan.id } })).conversationId).toBeNull();

    const thread = await owner.talk.get({ params: { id: asOwner.conversationId! } });
    expect(thread).toMatchObject({
      loanId: loan.id,
      other: { id: asker.id },
      unreadCount: 1,
      lastMessage: { authorId: asker.id, body: "Can I have it Saturday?" },
    });
    // The request's message is told by loan.requested; it is not a second event.
    expect(await messageEvents(thread.id)).toEqual([]);
    // A question about the same item stays a thread of its own.
    const question = await ask(asker, item.id, "Does it come with a case?");
    expect(question.id).not.toBe(thread.id);
  });

  it("exists, empty, for a request without a message", async () => {
    const item = await listItem();
    const loan = await requestLoan(asker, item.id);
    const thread = await asker.talk.get({ params: { id: loan.conversationId! } });
    expect(thread).toMatchObject({ loanId: loan.id, lastMessage: null, unreadCount: 0 });
    await owner.talk.send({ params: { id: thread.id }, body: { body: "Sure, come by at 10." } });
    expect((await asker.talk.get({ params: { id: thread.id } })).unreadCount).toBe(1);
  });
});

describe("at the same time", () => {
  it("lands two first questions in one thread, and numbers messages sent at once without gaps", async () => {
    const item = await listItem();
    const [a, b] = await Promise.all([ask(stranger, item.id, "First?"), ask(stranger, item.id, "Or me?")]);
    expect(a.id).toBe(b.id);
    await Promise.all(
      Array.from({ length: 8 }, (_, n) =>
        (n % 2 ? owner : stranger).talk.send({ params: { id: a.id }, body: { body: `burst ${n}` } }),
      ),
    );
    const seqs = await db().$queryRaw<{ seq: number }[]>`
      SELECT seq FROM messages WHERE conversation_id = ${a.id} ORDER BY seq`;
    expect(seqs.map((row) => row.seq)).toEqual(Array.from({ length: 10 }, (_, n) => n + 1));
    const page = await owner.talk.messages({ params: { id: a.id } });
    const times = page.items.map((m) => m.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });
});

describe("who can see a thread", () => {
  it("answers 404 to anyone but its two participants, exactly as for a thread that does not exist", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "Private question");
    const admin = await stack.admin();
    const outsiders = [stranger, { ...admin, talk: talkOf(admin.client) }];
    for (const outsider of outsiders) {
      for (const id of [thread.id, "0192d0c4-0000-7000-8000-000000000000"]) {
        const params = { id };
        const problems = [
          await refused(outsider.talk.get({ params }), 404, "not_found"),
          await refused(outsider.talk.messages({ params }), 404, "not_found"),
          await refused(outsider.talk.send({ params, body: { body: "Let me in" } }), 404, "not_found"),
          await refused(outsider.talk.markRead({ params }), 404, "not_found"),
        ];
        for (const problem of problems) expect(problem.message).toBe("The conversation was not found");
      }
    }
    expect(await storedMessages(thread.id)).toBe(1);
    expect((await stranger.talk.list({})).items.map((t) => t.id)).not.toContain(thread.id);
    // Without a token: 401, before anything is looked up.
    const anonymous = await raw(`${stack.inventory.url}/conversations/${thread.id}`);
    expect(anonymous.status).toBe(401);
  });
});

describe("what a message may be", () => {
  it("refuses empty, blank, too long and malformed messages with 400 and stores nothing", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "First");
    const url = `${stack.inventory.url}/conversations/${thread.id}/messages`;
    for (const body of [
      { body: "" },
      { body: "   \n\t " },
      { body: "x".repeat(2001) },
      {},
      { body: 42 },
      { body: "hello", html: "<b>hi</b>" },
    ]) {
      const res = await raw(url, { method: "POST", token: asker.token, body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body).toMatchObject({ code: "validation_failed" });
      expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    }
    const askUrl = `${stack.inventory.url}/items/${item.id}/conversations`;
    const blank = await raw(askUrl, { method: "POST", token: stranger.token, body: '{"body":"  "}' });
    expect(blank.status).toBe(400);
    expect(await storedMessages(thread.id)).toBe(1);
    expect(await ask(stranger, item.id, "ok").then(() => true)).toBe(true);
  });

  it("keeps 2,000 characters after trimming, as plain text", async () => {
    const item = await listItem();
    const longest = "é".repeat(1999) + "<";
    const thread = await ask(asker, item.id, `  ${longest}\n`);
    expect(thread.lastMessage?.body).toBe(longest);
  });
});

describe("unread counts and seen marks", () => {
  it("count the other person's unread messages, and mark them seen once read", async () => {
    const [reader, writer] = await Promise.all([person("Rhea"), person("Wes")]);
    const item = await listItem(reader);
    const thread = await ask(writer, item.id, "One");
    await writer.talk.send({ params: { id: thread.id }, body: { body: "Two" } });
    expect((await reader.talk.get({ params: { id: thread.id } })).unreadCount).toBe(2);
    expect(await reader.talk.unreadCount({})).toEqual({ count: 2 });
    expect(await writer.talk.unreadCount({})).toEqual({ count: 0 });
    let page = await writer.talk.messages({ params: { id: thread.id } });
    expect(page.items.map((m) => m.seen)).toEqual([false, false]);

    await reader.talk.markRead({ params: { id: thread.id } });
    expect((await reader.talk.get({ params: { id: thread.id } })).unreadCount).toBe(0);
    expect(await reader.talk.unreadCount({})).toEqual({ count: 0 });
    page = await writer.talk.messages({ params: { id: thread.id } });
    expect(page.items.map((m) => m.seen)).toEqual([true, true]);

    // A reply counts for the writer, and means its author has read the thread.
    await writer.talk.send({ params: { id: thread.id }, body: { body: "Three" } });
    await reader.talk.send({ params: { id: thread.id }, body: { body: "Got it" } });
    expect((await reader.talk.get({ params: { id: thread.id } })).unreadCount).toBe(0);
    expect((await writer.talk.get({ params: { id: thread.id } })).unreadCount).toBe(1);
    page = await reader.talk.messages({ params: { id: thread.id } });
    expect(page.items.map((m) => [m.body, m.seen])).toEqual([
      ["Got it", false],
      ["Three", true],
      ["Two", true],
      ["One", true],
    ]);
  });
});

describe("the inbox", () => {
  it("lists my threads newest activity first, cursor-paged, each with item, other person, last message and unread count", async () => {
    const [me, a, b, c] = await Promise.all([person("Ivy"), person("Al"), person("Bo"), person("Cy")]);
    const items = await Promise.all([listItem(me), listItem(me), listItem(me)]);
    const ta = await ask(a, items[0].id, "from Al");
    const tb = await ask(b, items[1].id, "from Bo");
    const mine = await ask(me, (await listItem(c)).id, "to Cy");
    await c.talk.send({ params: { id: mine.id }, body: { body: "hi Ivy" } });
    await a.talk.send({ params: { id: ta.id }, body: { body: "Al again" } });

    const first = await me.talk.list({ query: { limit: 2 } });
    expect(first.items.map((t) => [t.id, t.other.name, t.lastMessage?.body, t.unreadCount])).toEqual([
      [ta.id, "Al", "Al again", 2],
      [mine.id, "Cy", "hi Ivy", 1],
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await me.talk.list({ query: { limit: 2, cursor: first.nextCursor! } });
    expect(second.items.map((t) => t.id)).toEqual([tb.id]);
    expect(second.nextCursor).toBeNull();
    expect(first.items[0]!.item).toMatchObject({ id: items[0].id, title: items[0].title });
    expect(await me.talk.unreadCount({})).toEqual({ count: 4 });

    const forged = await raw(`${stack.inventory.url}/conversations?cursor=bm9wZQ`, { token: me.token });
    expect(forged.status).toBe(400);
    for (const position of [[0], [2 ** 40], ["1"], [1, 2]]) {
      const cursor = Buffer.from(JSON.stringify(position)).toString("base64url");
      const res = await raw(`${stack.inventory.url}/conversations/${ta.id}/messages?cursor=${cursor}`, {
        token: me.token,
      });
      expect(res.status, JSON.stringify(position)).toBe(400);
    }
  });
});

describe("after the item or the account is gone", () => {
  it("keeps the thread readable, showing the removed item with its last title", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "Before it goes");
    await owner.client.items.update({ params: { id: item.id }, body: { title: "Renamed drill" } });
    await owner.client.items.delete({ params: { id: item.id } });
    const view = await asker.talk.get({ params: { id: thread.id } });
    expect(view.item).toMatchObject({ id: item.id, title: "Renamed drill", deleted: true });
    expect((await asker.talk.messages({ params: { id: thread.id } })).items).toHaveLength(1);
    expect((await owner.talk.list({})).items.map((t) => t.id)).toContain(thread.id);
  });

  it("shows a deleted account as a former member, and refuses writing to them", async () => {
    const leaver = await person("Lena");
    const item = await listItem();
    const thread = await ask(leaver, item.id, "Bye soon");
    await leaver.client.users.deleteMe({ body: { currentPassword: leaver.password } });
    await expect
      .poll(async () => (await owner.talk.get({ params: { id: thread.id } })).other, { timeout: 5_000 })
      .toEqual({ id: leaver.id, name: "Former member", formerMember: true });
    const messages = await owner.talk.messages({ params: { id: thread.id } });
    expect(messages.items.map((m) => m.body)).toEqual(["Bye soon"]);
    await refused(owner.talk.send({ params: { id: thread.id }, body: { body: "Hello?" } }), 409, "conflict");
    expect(await storedMessages(thread.id)).toBe(1);
  });
});

describe("message.created", () => {
  it("is written with each new message, in its transaction, for the other participant only", async () => {
    const item = await listItem();
    const thread = await ask(stranger, item.id, "Event please");
    const reply = await owner.talk.send({ params: { id: thread.id }, body: { body: "Here it is" } });
    await refused(
      stranger.talk.send({ params: { id: thread.id }, body: { body: "" } }),
      400,
      "validation_failed",
    );
    const events = await messageEvents(thread.id);
    expect(events.map((e) => [e.actor?.id, e.audience, e.payload.message.body])).toEqual([
      [stranger.id, [owner.id], "Event please"],
      [owner.id, [stranger.id], "Here it is"],
    ]);
    expect(events[1]).toMatchObject({
      source: "inventory-api",
      subject: { type: "conversation", id: thread.id },
      payload: {
        conversation: { id: thread.id, item: { id: item.id, title: item.title }, loanId: null },
        message: { id: reply.id, authorId: owner.id, authorName: "Olive", createdAt: reply.createdAt },
      },
    });
  });
});

describe("conversation.read", () => {
  type ReadEvent = DomainEventOf<"conversation.read">;
  const readEvents = async (conversationId: string): Promise<ReadEvent[]> =>
    (
      await db().$queryRaw<{ body: ReadEvent }[]>`
        SELECT body FROM outbox_events WHERE type = 'conversation.read'
          AND body->'subject'->>'id' = ${conversationId} ORDER BY seq`
    ).map((row) => row.body);

  it("is written when a read mark advances, to both participants, and not for a repeated read", async () => {
    const [reader, writer] = await Promise.all([person("Rita"), person("Walt")]);
    const item = await listItem(reader);
    const thread = await ask(writer, item.id, "One");
    await writer.talk.send({ params: { id: thread.id }, body: { body: "Two" } });
    expect((await messageEvents(thread.id)).map((e) => e.payload.message.seq)).toEqual([1, 2]);

    await reader.talk.markRead({ params: { id: thread.id } });
    await reader.talk.markRead({ params: { id: thread.id } });
    // The writer's own mark is already at its message: reading changes nothing, so no event.
    await writer.talk.markRead({ params: { id: thread.id } });
    const events = await readEvents(thread.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      source: "inventory-api",
      actor: { id: reader.id },
      subject: { type: "conversation", id: thread.id },
      audience: [reader.id, writer.id],
      payload: { conversationId: thread.id, readerId: reader.id, readSeq: 2, otherId: writer.id },
    });

    await writer.talk.send({ params: { id: thread.id }, body: { body: "Three" } });
    await reader.talk.markRead({ params: { id: thread.id } });
    expect((await readEvents(thread.id)).map((e) => e.payload.readSeq)).toEqual([2, 3]);
  });

  it("is not written for someone outside the thread", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "Anyone reading?");
    await refused(stranger.talk.markRead({ params: { id: thread.id } }), 404, "not_found");
    expect(await readEvents(thread.id)).toEqual([]);
  });
});

describe("the OpenAPI document", () => {
  it("describes every conversation and block endpoint", async () => {
    const doc = await raw(`${stack.inventory.url}/openapi.json`);
    const paths = doc.body.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths["/conversations"] ?? {})).toEqual(["get"]);
    expect(Object.keys(paths["/conversations/{id}/messages"] ?? {}).sort()).toEqual(["get", "post"]);
    expect(Object.keys(paths["/items/{id}/conversations"] ?? {})).toEqual(["post"]);
    expect(Object.keys(paths["/blocks/{userId}"] ?? {}).sort()).toEqual(["delete", "put"]);
  });
});

describe("a long thread", () => {
  it("reads its newest page of 10,000 messages through the index, and pages back in order", async () => {
    const item = await listItem();
    const thread = await ask(asker, item.id, "message 1");
    // 9,999 more, written straight to the tables as the service numbers them.
    await db().$executeRaw`
      INSERT INTO messages (id, conversation_id, seq, author_id, body, created_at)
      SELECT gen_random_uuid()::text, ${thread.id}, n, CASE WHEN n % 2 = 0 THEN ${owner.id} ELSE ${asker.id} END,
             'message ' || n, now() + n * interval '1 millisecond'
      FROM generate_series(2, 10000) AS n`;
    await db().$executeRaw`
      UPDATE conversations SET message_count = 10000, last_activity_at = now() + interval '10 seconds'
      WHERE id = ${thread.id}`;
    await db().$executeRaw`ANALYZE messages`;

    const newest = await owner.talk.messages({ params: { id: thread.id }, query: { limit: 20 } });
    expect(newest.items.map((m) => m.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `message ${10000 - i}`),
    );
    const next = await owner.talk.messages({
      params: { id: thread.id },
      query: { limit: 20, cursor: newest.nextCursor! },
    });
    expect(next.items[0]!.body).toBe("message 9980");
    expect((await owner.talk.get({ params: { id: thread.id } })).lastMessage?.body).toBe("message 10000");

    const plan = await db().$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
      `EXPLAIN SELECT id FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 21`,
      thread.id,
    );
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/Index Scan Backward using messages_conversation_id_seq_key/);
    expect(text).not.toMatch(/Sort|Seq Scan/);
  });
});
