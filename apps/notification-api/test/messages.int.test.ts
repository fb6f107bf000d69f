import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedMail } from "mailparser";
import type { Neighbour } from "@sharehood/test-stack";
import { conversationRead, eventually, messageCreated, newThread, type Person } from "./events.ts";
import { reader, startNotificationStack, WEB_URL, type NotificationStack } from "./stack.ts";

// Messages (issue 15): the live stream's `message` and `conversation-read` events, and the email
// about messages still unread after the delay, at most one per thread in the interval. The delay
// and the interval are shortened to seconds here.
const DELAY_MS = 1_000;
const INTERVAL_MS = 3_000;

let stack: NotificationStack;
beforeAll(async () => {
  stack = await startNotificationStack("messages", {
    MESSAGE_EMAIL_DELAY_SECONDS: String(DELAY_MS / 1000),
    MESSAGE_EMAIL_INTERVAL_SECONDS: String(INTERVAL_MS / 1000),
  });
});
afterAll(() => stack.close());

const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });
const pair = async () => {
  const [owner, asker] = await Promise.all([stack.signUp("Olga"), stack.signUp("Arno")]);
  return { owner: person(owner), asker: person(asker), ownerToken: owner.token, askerToken: asker.token };
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The message emails to `address` (the User API's verification emails left out). */
const messageMails = (address: string): ParsedMail[] =>
  stack.smtp.to(address).filter((mail) => mail.subject?.includes("sent you a message"));

/**
 * Waits until the person's message reached this service, no check is pending for them any more,
 * and every email decided for them was sent or skipped: only then can a test say that an email did
 * NOT come.
 */
async function settled(userId: string): Promise<void> {
  const { db } = stack.notifications.api;
  await eventually(() => db.messageThread.findFirst({ where: { userId } }));
  await eventually(
    async () => (await db.messageThread.count({ where: { userId, checkAt: { not: null } } })) === 0,
  );
  await eventually(
    async () => (await db.email.count({ where: { userId, sentAt: null, skippedAt: null } })) === 0,
  );
}

describe("the live stream", () => {
  it("sends a new message to its recipient only, and a read thread to both participants", async () => {
    const { owner, asker, ownerToken, askerToken } = await pair();
    const ownerStream = reader(stack.client(ownerToken));
    const askerStream = reader(stack.client(askerToken));
    expect(await ownerStream.next()).toEqual({ type: "unread", count: 0 });
    expect(await askerStream.next()).toEqual({ type: "unread", count: 0 });

    const thread = newThread();
    const event = messageCreated(thread, asker, owner, { seq: 1, body: "Is the tent still free?" });
    await stack.publish(event);
    if (event.type !== "message.created") throw new Error("a message event");
    const { message } = event.payload;
    expect(await ownerStream.next()).toEqual({
      type: "message",
      conversationId: thread.id,
      item: thread.item,
      message: {
        id: message.id,
        conversationId: thread.id,
        authorId: asker.id,
        body: "Is the tent still free?",
        createdAt: message.createdAt,
        seen: false,
      },
    });

    await stack.publish(conversationRead(thread, owner, asker, 1));
    const read = { type: "conversation-read", conversationId: thread.id, readerId: owner.id };
    expect(await ownerStream.next()).toEqual(read);
    // The author's first event after the count is the read: the message never came to them.
    expect(await askerStream.next()).toEqual(read);
    // Nothing here is a stored notification.
    expect((await stack.client(ownerToken).notifications.list({ query: {} })).items).toEqual([]);
    ownerStream.close();
    askerStream.close();
  });
});

describe("the message email", () => {
  it("goes once the message is still unread after the delay: sender, item, the message as text, the thread's link", async () => {
    const { owner, asker } = await pair();
    const thread = newThread("Tent <b>XL</b>");
    const sentAt = Date.now();
    await stack.publish(
      messageCreated(thread, asker, owner, { seq: 1, body: "Free on <b>Saturday</b> & Sunday?" }),
    );

    const mail = await eventually(() => messageMails(owner.email)[0]);
    expect(Date.now() - sentAt).toBeGreaterThanOrEqual(DELAY_MS);
    expect(mail.subject).toBe("Arno sent you a message about Tent <b>XL</b>");
    const link = `${WEB_URL}/messages/${thread.id}`;
    expect(mail.text).toContain("Free on <b>Saturday</b> & Sunday?");
    expect(mail.text).toContain(link);
    expect(mail.html).toContain("Free on &lt;b&gt;Saturday&lt;/b&gt; &amp; Sunday?");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain(`href="${link}"`);

    // One-click unsubscribe switches message emails off, as for loan emails.
    const unsubscribe = mail.headerLines.find((h) => h.key === "list-unsubscribe")?.line ?? "";
    const url = /<(.+)>/.exec(unsubscribe)?.[1] ?? "";
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(await response.json()).toEqual({ kind: "message.created", email: false });
  });

  it("does not go when the thread is read before the delay", async () => {
    const { owner, asker } = await pair();
    const thread = newThread();
    await stack.publish(messageCreated(thread, asker, owner, { seq: 1, body: "Hello?" }));
    await stack.publish(conversationRead(thread, owner, asker, 1));
    await sleep(DELAY_MS);
    await settled(owner.id);
    expect(messageMails(owner.email)).toEqual([]);
  });

  it("does not go when the person answered before the delay (writing means having read)", async () => {
    const { owner, asker } = await pair();
    const thread = newThread();
    await stack.publish(messageCreated(thread, asker, owner, { seq: 1, body: "Can I pick it up today?" }));
    await stack.publish(messageCreated(thread, owner, asker, { seq: 2, body: "Yes, after six" }));
    await sleep(DELAY_MS);
    await settled(owner.id);
    expect(messageMails(owner.email)).toEqual([]);
    // The answer itself is unread by the asker: that one is emailed.
    const mail = await eventually(() => messageMails(asker.email)[0]);
    expect(mail.text).toContain("Yes, after six");
  });

  it("goes at most once per thread in the interval; messages meanwhile come in one email after it", async () => {
    const { owner, asker } = await pair();
    const thread = newThread();
    await stack.publish(messageCreated(thread, asker, owner, { seq: 1, body: "First" }));
    await eventually(() => messageMails(owner.email)[0]);
    const firstAt = Date.now();

    await stack.publish(messageCreated(thread, asker, owner, { seq: 2, body: "Second" }));
    await stack.publish(messageCreated(thread, asker, owner, { seq: 3, body: "Third" }));
    // Past the delay of both, inside the interval: no second email yet.
    await sleep(DELAY_MS + 500);
    expect(messageMails(owner.email)).toHaveLength(1);

    const second = await eventually(() => messageMails(owner.email)[1]);
    expect(Date.now() - firstAt).toBeGreaterThanOrEqual(INTERVAL_MS - 1_000);
    expect(second.text).toContain("Second");
    expect(second.text).toContain("Third");
    expect(second.text).not.toContain("First");
    await settled(owner.id);
    expect(messageMails(owner.email)).toHaveLength(2);
  });

  it("does not go when the person switched message emails off", async () => {
    const { owner, asker, ownerToken } = await pair();
    await stack.client(ownerToken).notifications.updatePreferences({
      body: { kinds: { "message.created": { email: false } } },
    });
    await stack.publish(messageCreated(newThread(), asker, owner, { seq: 1, body: "Anyone there?" }));
    await sleep(DELAY_MS);
    await settled(owner.id);
    expect(messageMails(owner.email)).toEqual([]);
  });

  it("has one effect for an event delivered more than once", async () => {
    const { owner, asker } = await pair();
    const event = messageCreated(newThread(), asker, owner, { seq: 1, body: "Only once" });
    await stack.publish(event, event);
    await stack.publish(event);
    await eventually(() => messageMails(owner.email)[0]);
    await settled(owner.id);
    expect(messageMails(owner.email)).toHaveLength(1);
  });
});
