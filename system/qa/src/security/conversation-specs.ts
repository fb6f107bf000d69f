import { FORBIDDEN, INVALID, notAdmin, type Cell, type RouteSpec } from "./cells.ts";
import type { Actor, SecurityWorld } from "./world.ts";

// The Inventory API's conversation writes (issue 15). Only a thread's two participants may act in
// it; anyone else, an admin included, is told it does not exist (404, never 403). A block is one
// person's: it refuses the blocked person's writes towards the blocker, and nobody else's.

/** Outside a thread: the answer for a thread that does not exist. */
export const NOT_FOUND = [404, "not_found"] as const;
/** Lifting a block one does not hold, or marking read what one has read: 204, and nothing changes. */
const SILENT_NO_OP = [204] as const;

/** A cell sent with the token of someone `prepare` made for this route (`prepared.tokens[name]`). */
export function asHolder(name: string, cell: Omit<Extract<Cell, { expect: unknown }>, "noBearer">): Cell {
  return {
    ...cell,
    noBearer: true,
    request: async (world, prepared) => {
      const override = cell.request ? await cell.request(world, prepared) : {};
      const token = prepared.tokens?.[name];
      if (!token) throw new Error(`prepare made no ${name} for this route`);
      return { ...override, headers: { ...prepared.headers, authorization: `Bearer ${token}` } };
    },
  };
}

/** A new item of alice's and, when `asker` is given, that person's question about it: the thread. */
export async function questionThread(
  world: SecurityWorld,
  asker: Actor,
  body = "Is it still available?",
): Promise<{ itemId: string; conversationId: string }> {
  const alice = world.actor("alice");
  const item = await world.createItem(alice, "Ask me about it");
  const thread = await world.ok("inventory", "POST", `/items/${item.id}/conversations`, {
    token: await world.live(asker),
    body: { body },
  });
  return { itemId: item.id, conversationId: String(thread.id) };
}

/** `blocker` blocks `blocked` through the API. */
export async function block(world: SecurityWorld, blocker: Actor, blocked: Actor): Promise<void> {
  await world.ok("inventory", "PUT", `/blocks/${blocked.id}`, { token: await world.live(blocker) });
}

/**
 * Mallory asks alice about an item, then alice blocks her: mallory's token and thread, for the cells
 * that prove a blocked person is refused where bob (not blocked) succeeds.
 */
async function blockedByAlice(world: SecurityWorld): Promise<{ token: string; thread: string }> {
  const mallory = await world.newActor("mallory");
  const { conversationId } = await questionThread(world, mallory, "Before you block me: is it free?");
  await block(world, world.actor("alice"), mallory);
  return { token: mallory.token, thread: conversationId };
}

/** Carol (a stranger) and an admin, outside alice and bob's thread, both told it does not exist. */
const outsiders = (what: string): { cells: RouteSpec["cells"]; admin: Cell } => ({
  cells: {
    otherUser: { expect: NOT_FOUND, as: "carol", attempt: `carol, outside alice and bob's thread, ${what}` },
    plainUserOnAdminRoute: {
      notApplicable:
        "participants only: no permission lets anyone else into a thread (an admin gets 404 too, see the extra case)",
    },
  },
  admin: { expect: NOT_FOUND, as: "admin", attempt: `an admin, outside the thread, ${what}` },
});

export const CONVERSATION_SPECS: Record<string, RouteSpec> = {
  askAboutItem: {
    rightful: "bob",
    prepare: async (world) => {
      const item = await world.createItem(world.actor("alice"), "Ask before borrowing");
      const mallory = await blockedByAlice(world);
      return {
        params: { id: item.id },
        body: { body: "Does it come with a case?" },
        tokens: { mallory: mallory.token },
      };
    },
    cells: {
      otherUser: { expect: FORBIDDEN, as: "alice", attempt: "alice, the owner, asks about her own item" },
      plainUserOnAdminRoute: notAdmin("every user may ask an owner about an item"),
    },
    extra: [
      asHolder("mallory", {
        expect: FORBIDDEN,
        attempt: "mallory, whom alice blocked, asks about alice's item (reason blocked)",
      }),
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob's question names alice as its author (authorId in the body)",
        request: (world, p) => ({ body: { ...(p.body as object), authorId: world.actor("alice").id } }),
      },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob asks with a body of blanks only",
        request: () => ({ body: { body: " \n\t " } }),
      },
    ],
  },
  sendMessage: {
    rightful: "bob",
    prepare: async (world) => {
      const { conversationId } = await questionThread(world, world.actor("bob"));
      const mallory = await blockedByAlice(world);
      return {
        params: { id: conversationId },
        body: { body: "I could pick it up on Saturday." },
        tokens: { mallory: mallory.token, malloryThread: mallory.thread },
      };
    },
    cells: outsiders("writes in it").cells,
    extra: [
      outsiders("writes in it").admin,
      asHolder("mallory", {
        expect: FORBIDDEN,
        attempt: "mallory writes in her own thread with alice, who blocked her (reason blocked)",
        request: (_w, p) => ({ params: { id: p.tokens?.malloryThread ?? "" } }),
      }),
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob's message names alice as its author and sets its time (authorId, createdAt)",
        request: (world, p) => ({
          body: {
            ...(p.body as object),
            authorId: world.actor("alice").id,
            createdAt: "2000-01-01T00:00:00Z",
          },
        }),
      },
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob sends 2,001 characters (after trimming)",
        request: () => ({ body: { body: ` ${"x".repeat(2_001)} ` } }),
      },
    ],
  },
  markConversationRead: {
    // alice has bob's question unread; bob has read everything in the thread (he wrote it).
    rightful: "alice",
    prepare: async (world) => {
      const { conversationId } = await questionThread(world, world.actor("bob"));
      return { params: { id: conversationId } };
    },
    cells: outsiders("marks it read").cells,
    extra: [
      outsiders("marks it read").admin,
      {
        expect: SILENT_NO_OP,
        as: "bob",
        attempt: "bob, the other participant, marks it read: alice's unread mark stays",
      },
    ],
  },
  blockUser: {
    rightful: "bob",
    prepare: async (world) => ({ params: { userId: (await world.newActor("blockee")).id } }),
    cells: {
      otherUser: {
        notApplicable:
          "blocks on the caller's own behalf only: the route names whom to block, never for whom",
      },
      plainUserOnAdminRoute: notAdmin("everyone may block someone"),
    },
    extra: [
      {
        expect: INVALID,
        as: "bob",
        attempt: "bob blocks himself",
        request: (world) => ({ params: { userId: world.actor("bob").id } }),
      },
    ],
  },
  unblockUser: {
    rightful: "alice",
    prepare: async (world) => {
      const blocked = await world.newActor("blocked");
      await block(world, world.actor("alice"), blocked);
      return { params: { userId: blocked.id }, tokens: { blocked: blocked.token } };
    },
    cells: {
      otherUser: {
        expect: SILENT_NO_OP,
        as: "bob",
        attempt: "bob lifts alice's block by naming the person she blocked: his own list has no such block",
      },
      plainUserOnAdminRoute: notAdmin("everyone manages their own blocks"),
    },
    extra: [
      asHolder("blocked", {
        expect: SILENT_NO_OP,
        attempt: "the blocked person lifts the block by naming alice: the block is alice's, it stays",
        request: (world) => ({ params: { userId: world.actor("alice").id } }),
      }),
    ],
  },
};
