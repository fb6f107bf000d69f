import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { comparableAnswer } from "../../src/checks.ts";
import type { HttpResponse } from "../../src/http.ts";
import { ALL_ROUTES } from "../../src/routes.ts";
import { forgedAccessToken } from "../../src/security/cells.ts";
import { block, questionThread } from "../../src/security/conversation-specs.ts";
import { inDays, SecurityWorld, type Actor } from "../../src/security/world.ts";
import { startStack, type TestStack } from "../../src/stack.ts";

// Conversations (issue 15), beyond the matrix's writes: the reads, what someone outside a thread
// can learn (nothing: the same 404 as a thread that does not exist), and blocks being one person's.

let stack: TestStack;
let world: SecurityWorld;
let alice: Actor;
let bob: Actor;
let carol: Actor;
let admin: Actor;
/** Bob's question about an item of alice's, and alice's answer. */
let thread: string;
/** The thread of bob's loan request for another item of alice's. */
let loanThread: string;
let loanId: string;

beforeAll(async () => {
  stack = await startStack("security_conversations");
  world = new SecurityWorld(stack, "conversations");
  await world.setUp();
  alice = world.actor("alice");
  bob = world.actor("bob");
  carol = world.actor("carol");
  admin = world.actor("admin");
  thread = (await questionThread(world, bob)).conversationId;
  await world.ok("inventory", "POST", `/conversations/${thread}/messages`, {
    token: alice.token,
    body: { body: "Yes, come by any evening." },
  });
  const loan = await world.loan(alice, bob, "requested");
  loanId = loan.id;
  const detail = await world.ok("inventory", "GET", `/loans/${loanId}`, { token: bob.token });
  loanThread = String(detail.conversationId);
});
afterAll(() => stack.close());

const call = (method: string, path: string, token?: string, body?: unknown) =>
  world.call("inventory", method, path, { token, body });
const codeOf = (res: HttpResponse) => [res.status, (res.json as { code?: string } | undefined)?.code];

/** The four thread routes, as one person would try them on a thread id. */
const threadRequests = (id: string): [string, string, unknown?][] => [
  ["GET", `/conversations/${id}`],
  ["GET", `/conversations/${id}/messages`],
  ["POST", `/conversations/${id}/messages`, { body: "Hello?" }],
  ["POST", `/conversations/${id}/read`],
];

// An id in the shape the API gives threads (UUIDv7) that no thread has.
const MISSING = "01900000-0000-7000-8000-000000000000";

describe("the conversation routes refuse a caller without a live token", () => {
  const reads = ALL_ROUTES.filter(
    (r) =>
      r.service === "inventory" && r.route.method === "GET" && /^\/(conversations|blocks)/.test(r.route.path),
  );

  it("covers every read of threads and blocks", () => {
    expect(reads.map((r) => r.name).sort()).toEqual(
      [
        "conversationUnreadCount",
        "getConversation",
        "listBlocks",
        "listConversations",
        "listMessages",
      ].sort(),
    );
  });

  for (const named of reads) {
    it(`GET ${named.route.path} refuses no token, a forged one, a refresh token and a revoked one with 401`, async () => {
      const path = named.route.path.replace(":id", thread);
      const answers = [
        await call("GET", path),
        await call("GET", path, forgedAccessToken()),
        await call("GET", path, bob.refreshToken),
        await call("GET", path, bob.revokedToken),
      ];
      expect(answers.map(codeOf), answers.map((a) => a.text.slice(0, 200)).join("\n")).toEqual(
        Array(4).fill([401, "unauthenticated"]),
      );
    });
  }
});

describe("nobody outside a thread can read it, write in it, mark it read, or learn that it exists", () => {
  for (const [who, label] of [
    ["carol", "a stranger"],
    ["admin", "an admin"],
  ] as const) {
    it(`answers ${label} with the same 404 as a thread that does not exist, on all four thread routes, and changes nothing`, async () => {
      const token = world.actor(who).token;
      for (const id of [thread, loanThread]) {
        const before = await world.fingerprint("inventory");
        for (const [method, path, body] of threadRequests(id)) {
          const theirs = await call(method, path, token, body);
          const missing = await call(method, path.replace(id, MISSING), token, body);
          expect(codeOf(theirs), `${method} ${path}: ${theirs.text.slice(0, 200)}`).toEqual([
            404,
            "not_found",
          ]);
          // Same status, type and words: nothing tells a real thread from a made-up id.
          expect(comparableAnswer(theirs), `${method} ${path}`).toEqual(
            JSON.parse(JSON.stringify(comparableAnswer(missing)).replaceAll(MISSING, id)),
          );
          expect(theirs.text).not.toContain(alice.id);
          expect(theirs.text).not.toContain(bob.id);
        }
        expect(await world.fingerprint("inventory"), "an outsider's request changed the databases").toEqual(
          before,
        );
      }
    });

    it(`leaves alice and bob's threads out of ${label}'s inbox and unread count`, async () => {
      const token = world.actor(who).token;
      const inbox = await world.ok("inventory", "GET", "/conversations?limit=100", { token });
      const ids = (inbox.items as { id: string }[]).map((c) => c.id);
      expect(ids).not.toContain(thread);
      expect(ids).not.toContain(loanThread);
      const count = await world.ok("inventory", "GET", "/conversations/unread-count", { token });
      expect(count.count).toBe(0);
    });
  }

  it("shows an admin the loan without its thread (conversationId null), and its participants with it", async () => {
    const asAdmin = await world.ok("inventory", "GET", `/loans/${loanId}`, { token: admin.token });
    const asOwner = await world.ok("inventory", "GET", `/loans/${loanId}`, { token: alice.token });
    expect(asAdmin.conversationId).toBeNull();
    expect(asOwner.conversationId).toBe(loanThread);
  });

  it("lets both participants read the thread, newest message first, and nobody else's cursor in", async () => {
    for (const actor of [alice, bob]) {
      const page = await world.ok("inventory", "GET", `/conversations/${thread}/messages?limit=1`, {
        token: actor.token,
      });
      expect((page.items as { body: string }[]).map((m) => m.body)).toEqual(["Yes, come by any evening."]);
      const cursor = String(page.nextCursor);
      // The cursor of alice and bob's thread opens nothing for carol: the thread is still unknown to her.
      const carols = await call("GET", `/conversations/${thread}/messages?cursor=${cursor}`, carol.token);
      expect(codeOf(carols)).toEqual([404, "not_found"]);
    }
  });
});

describe("blocks are one person's", () => {
  it("refuses mallory, whom alice blocked, towards alice only (403 reason blocked, nothing stored), and nobody else", async () => {
    const mallory = await world.newActor("mallory");
    const dave = world.actor("dave");
    const item = await world.createItem(alice, "Only for the unblocked");
    const carolsItem = await world.createItem(carol, "Carol's ladder");
    const mallorysThread = (await questionThread(world, mallory, "Can I see it first?")).conversationId;
    await block(world, alice, mallory);

    const before = await world.fingerprint("inventory");
    const refused = [
      await call("POST", `/conversations/${mallorysThread}/messages`, mallory.token, { body: "Hello?" }),
      await call("POST", `/items/${item.id}/conversations`, mallory.token, { body: "Still free?" }),
      await call("POST", `/items/${item.id}/loans`, mallory.token, {
        startDate: inDays(30),
        endDate: inDays(31),
      }),
    ];
    for (const res of refused) {
      expect(codeOf(res), res.text.slice(0, 200)).toEqual([403, "forbidden"]);
      expect((res.json as { reason?: string }).reason).toBe("blocked");
    }
    expect(await world.fingerprint("inventory"), "a blocked person's request changed the databases").toEqual(
      before,
    );

    // Mallory can still read her thread, and write to anyone else; dave, not blocked, writes to alice.
    expect((await call("GET", `/conversations/${mallorysThread}/messages`, mallory.token)).status).toBe(200);
    expect(
      (await call("POST", `/items/${carolsItem.id}/conversations`, mallory.token, { body: "Hi Carol" }))
        .status,
    ).toBe(201);
    expect(
      (await call("POST", `/items/${item.id}/conversations`, dave.token, { body: "Hi Alice" })).status,
    ).toBe(201);
    // The blocker may still write to the person she blocked (to get a lent item back, say).
    expect(
      (
        await call("POST", `/conversations/${mallorysThread}/messages`, alice.token, {
          body: "Please return it",
        })
      ).status,
    ).toBe(201);

    // The block is on alice's list only.
    const list = async (actor: Actor) =>
      (
        (await world.ok("inventory", "GET", "/blocks?limit=100", { token: actor.token })).items as {
          user: { id: string };
        }[]
      ).map((b) => b.user.id);
    expect(await list(alice)).toContain(mallory.id);
    for (const other of [bob, carol, dave, mallory]) expect(await list(other)).not.toContain(mallory.id);

    // Nobody but alice can lift it: the others' DELETEs answer 204 and change nothing.
    const unchanged = await world.fingerprint("inventory");
    expect((await call("DELETE", `/blocks/${mallory.id}`, bob.token)).status).toBe(204);
    expect((await call("DELETE", `/blocks/${alice.id}`, mallory.token)).status).toBe(204);
    expect(await world.fingerprint("inventory")).toEqual(unchanged);
    expect(
      codeOf(
        await call("POST", `/conversations/${mallorysThread}/messages`, mallory.token, { body: "Hello?" }),
      ),
    ).toEqual([403, "forbidden"]);

    // Alice lifts it, and mallory can write again.
    expect((await call("DELETE", `/blocks/${mallory.id}`, alice.token)).status).toBe(204);
    expect(
      (await call("POST", `/conversations/${mallorysThread}/messages`, mallory.token, { body: "Thank you" }))
        .status,
    ).toBe(201);
  });
});

describe("every response this file saw", () => {
  it("carried the security headers and no password hash, stack trace or SQL", () => {
    expect(world.recorder.seen.length).toBeGreaterThan(50);
    expect(world.recorder.violations).toEqual([]);
  });
});
