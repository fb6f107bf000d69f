import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { securityHeaderViolations } from "../../src/checks.ts";
import { openEventStream, type OpenStream } from "../../src/event-stream.ts";
import type { HttpResponse } from "../../src/http.ts";
import { PERSONAL_READS } from "../../src/routes.ts";
import { forgedAccessToken } from "../../src/security/cells.ts";
import { SecurityWorld, type Actor } from "../../src/security/world.ts";
import { startStack, type TestStack } from "../../src/stack.ts";

// The Notification API's reads, and what no one may see or touch of another person's: their list,
// their unread count, their stream, their preferences. (Its writes are in the matrix.)

let stack: TestStack;
let world: SecurityWorld;
let alice: Actor;
let bob: Actor;

beforeAll(async () => {
  stack = await startStack("security_notifications");
  world = new SecurityWorld(stack, "notifications");
  await world.setUp();
  alice = world.actor("alice");
  bob = world.actor("bob");
});
afterAll(() => stack.close());

const codeOf = (res: HttpResponse) => [res.status, (res.json as { code?: string } | undefined)?.code];
const get = (path: string, token?: string) => world.call("notifications", "GET", path, { token });
const countOf = async (actor: Actor) =>
  Number(
    (await world.ok("notifications", "GET", "/notifications/unread-count", { token: actor.token })).count,
  );

/** Every notification id in the person's list, page by page. */
async function idsOf(actor: Actor, query = ""): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await world.ok(
      "notifications",
      "GET",
      `/notifications?limit=100${query}${cursor ? `&cursor=${cursor}` : ""}`,
      {
        token: actor.token,
      },
    );
    ids.push(...(page.items as { id: string }[]).map((n) => n.id));
    cursor = page.nextCursor as string | null;
  } while (cursor);
  return ids;
}

describe("the Notification API's reads refuse a caller without a live token", () => {
  for (const named of PERSONAL_READS) {
    it(`GET ${named.route.path} refuses no token, a forged one, a refresh token and a revoked one with 401`, async () => {
      const answers = [
        await get(named.route.path),
        await get(named.route.path, forgedAccessToken()),
        await get(named.route.path, alice.refreshToken),
        await get(named.route.path, alice.revokedToken),
      ];
      expect(answers.map(codeOf), answers.map((a) => a.text.slice(0, 200)).join("\n")).toEqual(
        Array(4).fill([401, "unauthenticated"]),
      );
    });
  }
});

describe("a person's notifications are theirs alone", () => {
  let aliceStream: OpenStream;
  let bobStream: OpenStream;
  let notificationId: string;
  /** Opened after the notification, resuming from the beginning of time (Last-Event-ID). */
  const resumed: OpenStream[] = [];

  beforeAll(async () => {
    const open = (actor: Actor) =>
      openEventStream(stack.notifications.url, "/notifications/stream", actor.token);
    [aliceStream, bobStream] = await Promise.all([open(alice), open(bob)]);
    // Bob asks to borrow alice's drill: the Inventory API's event becomes alice's notification.
    await world.loan(alice, bob, "requested");
    notificationId = await world.notified(alice, 1);
    for (const actor of [alice, bob])
      resumed.push(
        await openEventStream(stack.notifications.url, "/notifications/stream", actor.token, {
          "last-event-id": "1970-01-01T00:00:00.000Z",
        }),
      );
    await world.settle();
  });
  afterAll(() => {
    for (const stream of [aliceStream, bobStream, ...resumed]) stream.close();
  });

  const notificationsIn = (stream: OpenStream) =>
    stream.events.filter((e) => e.event === "notification").map((e) => (e.data as { id: string }).id);

  it("reaches alice: in her list, unread, and on her open stream", async () => {
    expect(await countOf(alice)).toBe(1);
    expect(await idsOf(alice, "&unread=true")).toEqual([notificationId]);
    expect([aliceStream.status, aliceStream.headers["content-type"]]).toEqual([
      200,
      expect.stringMatching(/^text\/event-stream/),
    ]);
    expect(notificationsIn(aliceStream)).toEqual([notificationId]);
    expect(notificationsIn(resumed[0]!)).toEqual([notificationId]);
    expect(securityHeaderViolations(aliceStream.headers)).toEqual([]);
  });

  it("is in neither bob's list nor bob's stream, even one resuming from the beginning", async () => {
    expect([bobStream.status, resumed[1]?.status]).toEqual([200, 200]);
    expect(await idsOf(bob)).not.toContain(notificationId);
    expect(await idsOf(bob, "&unread=true")).not.toContain(notificationId);
    expect(notificationsIn(bobStream)).not.toContain(notificationId);
    expect(notificationsIn(resumed[1]!)).not.toContain(notificationId);
  });

  it("stays unread when bob marks it read by its id, or marks all of his read", async () => {
    const byId = await world.call("notifications", "POST", "/notifications/read", {
      token: bob.token,
      body: { ids: [notificationId] },
    });
    const all = await world.call("notifications", "POST", "/notifications/read", {
      token: bob.token,
      body: {},
    });
    expect([byId.status, all.status]).toEqual([204, 204]);
    expect(await countOf(alice)).toBe(1);
    expect(await idsOf(alice, "&unread=true")).toEqual([notificationId]);
  });

  it("is marked read when alice marks it (the control: the same request works for its owner)", async () => {
    await world.ok("notifications", "POST", "/notifications/read", {
      token: alice.token,
      body: { ids: [notificationId] },
    });
    expect(await countOf(alice)).toBe(0);
  });

  it("keeps preferences per person: alice's change is not bob's, bob's is not alice's", async () => {
    const put = (actor: Actor, email: boolean) =>
      world.ok("notifications", "PUT", "/notification-preferences", {
        token: actor.token,
        body: { kinds: { "loan.approved": { email } } },
      });
    const setting = async (actor: Actor) =>
      (
        (await world.ok("notifications", "GET", "/notification-preferences", { token: actor.token }))
          .kinds as Record<string, { email: boolean }>
      )["loan.approved"]?.email;
    await put(alice, false);
    expect([await setting(alice), await setting(bob)]).toEqual([false, true]);
    await put(bob, false);
    await put(bob, true);
    expect([await setting(alice), await setting(bob)]).toEqual([false, true]);
  });
});

describe("an open stream", () => {
  it("ends when its token is revoked", async () => {
    const session = await world.freshSession(world.actor("carol"));
    const stream = await openEventStream(stack.notifications.url, "/notifications/stream", session.token);
    expect(stream.status).toBe(200);
    await world.ok("users", "POST", "/auth/logout", { token: session.token });
    const ended = await Promise.race([
      stream.ended.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 5_000)),
    ]);
    stream.close();
    expect(ended, "the stream was still open 5 s after its token was revoked").toBe(true);
  });
});

describe("every response this file saw", () => {
  it("carried the security headers and no password hash, stack trace or SQL", () => {
    expect(world.recorder.seen.length).toBeGreaterThan(40);
    expect(world.recorder.violations).toEqual([]);
  });
});
