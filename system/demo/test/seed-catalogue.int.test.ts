import { inventoryApiService } from "@sharehood/inventory-api/service";
import { createClient } from "@sharehood/sdk";
import { startInProcessStack, type InProcessStack } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../src/seed-catalogue.ts";

// The demo catalogue `npm start` seeds on a first start, against the real APIs (without pictures:
// photo-art's rendering is not what this checks).

const PASSWORD = "sharehood-demo";

describe("the demo catalogue", () => {
  let stack: InProcessStack;
  beforeAll(async () => {
    // The User API creates the demo neighbours, as on the embedded `npm start`.
    stack = await startInProcessStack(
      "demo_seed",
      { users: userApiService, inventory: inventoryApiService },
      { users: { SEED_DEMO_DATA: "true" } },
    );
  });
  afterAll(async () => {
    await stack?.close();
  });

  const signIn = async (email: string) => {
    const anonymous = createClient({ userApiUrl: stack.users.url, inventoryApiUrl: stack.inventory.url });
    const session = await anonymous.auth.login({ body: { email, password: PASSWORD } });
    return createClient({
      userApiUrl: stack.users.url,
      inventoryApiUrl: stack.inventory.url,
      token: session.accessToken,
    });
  };

  it("gives a fresh demo populated inboxes: a question and its answer before a request, then the request's thread", async () => {
    const options = { userApiUrl: stack.users.url, inventoryApiUrl: stack.inventory.url, password: PASSWORD };
    const seeded = await seedCatalogue(options);
    expect(seeded).toMatchObject({ items: 50, loans: 8, questions: 1, skipped: false });

    const chloe = await signIn("chloe@example.com");
    const alice = await signIn("alice@example.com");
    const threadsAbout = async (client: typeof chloe, title: string) =>
      (await client.conversations.list({ query: { limit: 100 } })).items.filter(
        (c) => c.item.title === title,
      );

    // Chloé asked about Alice's tent, Alice answered, then Chloé asked to borrow it.
    const chloes = await threadsAbout(chloe, "Two-person hiking tent");
    const question = chloes.find((c) => c.loanId === null);
    const loanThread = chloes.find((c) => c.loanId !== null);
    expect(question?.other.name).toBe("Alice Martin");
    expect(question?.unreadCount).toBe(0);
    const messages = await chloe.conversations.messages({ params: { id: question!.id }, query: {} });
    expect(messages.items.map((m) => m.body)).toEqual([
      expect.stringMatching(/^Hi Chloé! Pegs, footprint/),
      expect.stringMatching(/^Hi Alice! Does the tent come with pegs/),
    ]);
    // The answer was read by Chloé: Alice sees it marked seen.
    const asAlice = await alice.conversations.messages({ params: { id: question!.id }, query: {} });
    expect(asAlice.items[0]?.seen).toBe(true);

    // The loan's thread holds the request's message, unread by Alice, newer than the question.
    expect(loanThread?.lastMessage?.body).toBe("A night in the hills, if the weather holds.");
    const alices = await threadsAbout(alice, "Two-person hiking tent");
    expect(alices.map((c) => [c.loanId === null ? "question" : "loan", c.unreadCount])).toEqual([
      ["loan", 1],
      ["question", 0],
    ]);
    // Every loan of the catalogue has its thread: Alice's inbox is not just the one conversation.
    expect((await alice.conversations.list({ query: { limit: 100 } })).items.length).toBeGreaterThan(2);
    expect((await alice.conversations.unreadCount({})).count).toBeGreaterThan(0);

    // Seeding again changes nothing.
    expect(await seedCatalogue(options)).toMatchObject({ skipped: true, questions: 0 });
    expect(await threadsAbout(chloe, "Two-person hiking tent")).toHaveLength(2);
  }, 120_000);
});
