import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError } from "@sharehood/sdk";
import { createClient, type SharehoodClient } from "@sharehood/sdk";
import type { Neighbour } from "@sharehood/test-stack";
import { eventually, loanBetween, loanEvent, type Person } from "./events.ts";
import { reader, startNotificationStack, type NotificationStack } from "./stack.ts";

let stack: NotificationStack;
beforeAll(async () => {
  stack = await startNotificationStack("notifications");
});
afterAll(() => stack.close());

const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });

/** Two people with a loan between them, `count` requests for the owner and one answer for the borrower. */
async function twoNeighbours(requests: number) {
  const [owner, borrower] = await Promise.all([stack.signUp("Owner"), stack.signUp("Borrower")]);
  const loans = Array.from({ length: requests }, () => loanBetween(person(owner), person(borrower)));
  for (const loan of loans) await stack.publish(loanEvent("loan.requested", loan, borrower.id));
  await stack.publish(loanEvent("loan.approved", loans[0]!, owner.id));
  const ownerClient = stack.client(owner.token);
  const borrowerClient = stack.client(borrower.token);
  await eventually(async () => (await ownerClient.notifications.unreadCount({})).count === requests);
  await eventually(async () => (await borrowerClient.notifications.unreadCount({})).count === 1);
  return { owner, borrower, loans, ownerClient, borrowerClient };
}

const ids = async (client: SharehoodClient, query = {}) =>
  (await client.notifications.list({ query })).items.map((n) => n.id);

describe("the caller's notifications", () => {
  it("lists them newest first, a page at a time, with the page each one is about", async () => {
    const { ownerClient, loans } = await twoNeighbours(3);
    const first = await ownerClient.notifications.list({ query: { limit: 2 } });
    expect(first.items.map((n) => n.url)).toEqual([`/loans/${loans[2]!.id}`, `/loans/${loans[1]!.id}`]);
    expect(first.items[0]).toMatchObject({ type: "loan.requested", readAt: null });
    expect(first.nextCursor).not.toBeNull();
    const second = await ownerClient.notifications.list({ query: { limit: 2, cursor: first.nextCursor! } });
    expect(second.items.map((n) => n.url)).toEqual([`/loans/${loans[0]!.id}`]);
    expect(second.nextCursor).toBeNull();
  });

  it("lets nobody read or mark another person's notifications", async () => {
    const { ownerClient, borrowerClient } = await twoNeighbours(2);
    const ownerIds = await ids(ownerClient);
    const borrowerIds = await ids(borrowerClient);
    expect(ownerIds.some((id) => borrowerIds.includes(id))).toBe(false);

    // Another's ids are silently left alone, and "all" means all of mine only.
    await borrowerClient.notifications.markRead({ body: { ids: ownerIds } });
    expect((await ownerClient.notifications.unreadCount({})).count).toBe(2);
    expect((await borrowerClient.notifications.unreadCount({})).count).toBe(1);
    await borrowerClient.notifications.markRead({ body: {} });
    expect((await borrowerClient.notifications.unreadCount({})).count).toBe(0);
    expect((await ownerClient.notifications.unreadCount({})).count).toBe(2);

    // Ids that name no notification at all are no error either.
    await ownerClient.notifications.markRead({ body: { ids: ["not-a-uuid", randomUUID()] } });
    await ownerClient.notifications.markRead({ body: { ids: [ownerIds[0]!] } });
    expect((await ownerClient.notifications.unreadCount({})).count).toBe(1);
    expect(await ids(ownerClient, { unread: "true" })).toEqual([ownerIds[1]]);
    const [read] = (await ownerClient.notifications.list({ query: {} })).items;
    expect(read?.readAt).not.toBeNull();
  });

  it("refuses a request without a valid token", async () => {
    for (const path of ["/notifications", "/notifications/unread-count", "/notifications/stream"]) {
      const response = await fetch(`${stack.notifications.url}${path}`, {
        headers: { authorization: "Bearer not-a-token" },
      });
      expect(response.status, path).toBe(401);
    }
    const error = await stack
      .client()
      .notifications.unreadCount({})
      .catch((e: unknown) => e);
    expect((error as ApiError).status).toBe(401);
  });

  it("answers odd input with a 4xx problem, never a 5xx", async () => {
    const { owner } = await twoNeighbours(1);
    const auth = { authorization: `Bearer ${owner.token}` };
    const json = { ...auth, "content-type": "application/json" };
    const cursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString("base64url");
    const requests: [string, RequestInit?][] = [
      ["/notifications?limit=0"],
      ["/notifications?limit=abc&unread=maybe"],
      ["/notifications?cursor=%00"],
      [`/notifications?cursor=${cursor(["2026-01-01T00:00:00.000Z", "not-a-uuid"])}`],
      [`/notifications?cursor=${cursor({ a: 1 })}`],
      ["/notifications/read", { method: "POST", headers: json, body: '{"ids":[]}' }],
      ["/notifications/read", { method: "POST", headers: json, body: '{"ids":[1,{}]}' }],
      ["/notifications/read", { method: "POST", headers: json, body: '{"ids":["a"],"all":true}' }],
      ["/notifications/read", { method: "POST", headers: json, body: "{" }],
      [
        "/notifications/read",
        { method: "POST", headers: { ...auth, "content-type": "text/plain" }, body: "x" },
      ],
      [
        "/notification-preferences",
        { method: "PUT", headers: json, body: '{"kinds":{"loan.requested":{"email":"yes"}}}' },
      ],
      ["/notification-preferences", { method: "PUT", headers: json, body: "[]" }],
      ["/unsubscribe"],
      [`/unsubscribe?token=${"a".repeat(600)}`],
      ["/unsubscribe?token=%E0%A4%A", { method: "POST" }],
      ["/unsubscribe?token=a.b", { method: "POST", headers: { "content-type": "text/plain" }, body: "x" }],
    ];
    for (const [path, init] of requests) {
      const response = await fetch(`${stack.notifications.url}${path}`, { headers: auth, ...init });
      expect(response.status, `${init?.method ?? "GET"} ${path}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${init?.method ?? "GET"} ${path}`).toBeLessThan(500);
    }
  });

  it("forgets a deleted person with their notifications", async () => {
    const { owner } = await twoNeighbours(1);
    await stack.publish({
      id: randomUUID(),
      version: 1,
      time: new Date().toISOString(),
      source: "user-api",
      actor: { id: owner.id },
      audience: [owner.id],
      subject: { type: "user", id: owner.id },
      type: "user.deleted",
      payload: { user: { id: owner.id } },
    });
    const { db } = stack.notifications.api;
    await eventually(async () => (await db.person.count({ where: { id: owner.id } })) === 0);
    expect(await db.notification.count({ where: { userId: owner.id } })).toBe(0);
  });
});

describe("the live stream", () => {
  it("sends the unread count, then each new notification and the new count", async () => {
    const { owner, borrower, ownerClient } = await twoNeighbours(1);
    const stream = reader(ownerClient);
    expect(await stream.next()).toEqual({ type: "unread", count: 1 });

    const loan = loanBetween(person(owner), person(borrower));
    await stack.publish(loanEvent("loan.requested", loan, borrower.id));
    const pushed = await stream.next();
    expect(pushed).toMatchObject({ type: "notification", notification: { url: `/loans/${loan.id}` } });
    expect(await stream.next()).toEqual({ type: "unread", count: 2 });

    await ownerClient.notifications.markRead({ body: {} });
    expect(await stream.next()).toEqual({ type: "unread", count: 0 });

    const { hub } = stack.notifications.api;
    const open = hub.size();
    stream.close();
    await eventually(() => hub.size() === open - 1);
  });

  it("resumes after the last notification seen, sending what was created meanwhile", async () => {
    const { owner, borrower, ownerClient } = await twoNeighbours(1);
    const first = reader(ownerClient);
    await first.next();
    const seen = loanBetween(person(owner), person(borrower));
    await stack.publish(loanEvent("loan.requested", seen, borrower.id));
    const heard = await first.next();
    if (heard.type !== "notification") throw new Error("expected the notification first");
    first.close();

    // While no stream is open (its token expired, say), another request comes.
    const missed = loanBetween(person(owner), person(borrower));
    await stack.publish(loanEvent("loan.requested", missed, borrower.id));
    await eventually(async () => (await ownerClient.notifications.unreadCount({})).count === 3);

    const resumed = reader(ownerClient, heard.notification.createdAt);
    expect(await resumed.next()).toMatchObject({
      type: "notification",
      notification: { url: `/loans/${missed.id}` },
    });
    expect(await resumed.next()).toEqual({ type: "unread", count: 3 });
    resumed.close();
  });

  it("reaches a stream held by another replica", async () => {
    const { owner, borrower } = await twoNeighbours(1);
    const replica = await stack.startReplica();
    const stream = reader(createClient({ notificationApiUrl: replica.url, token: owner.token }));
    expect(await stream.next()).toEqual({ type: "unread", count: 1 });
    // This replica handles the event; the stream is on the other one.
    const loan = loanBetween(person(owner), person(borrower));
    await stack.notifications.api.handleEvent(loanEvent("loan.requested", loan, borrower.id));
    expect(await stream.next()).toMatchObject({
      type: "notification",
      notification: { url: `/loans/${loan.id}` },
    });
    stream.close();
  });

  it("ends the stream when its token is revoked", async () => {
    const { owner, ownerClient } = await twoNeighbours(1);
    const stream = reader(ownerClient);
    await stream.next();
    await stack.client(owner.token).auth.logout({});
    await expect(stream.next()).rejects.toThrow("the stream ended");
  });
});
