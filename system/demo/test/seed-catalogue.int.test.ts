import { inventoryApiService } from "@sharehood/inventory-api/service";
import { createClient } from "@sharehood/sdk";
import { startInProcessStack, type InProcessStack } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { avatarFor } from "../src/avatar-art.ts";
import { DEMO_TOWN } from "../src/catalogue.ts";
import { dateInDays } from "../src/outcomes.ts";
import { seedCatalogue } from "../src/seed-catalogue.ts";

// The demo catalogue `npm start` seeds on a first start, against the real APIs (without item
// pictures: photo-art's rendering is not what this checks; with the four small avatars).

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

  it("gives a fresh demo lived-in profiles (words, a portrait, revealed reviews with an answer) and populated inboxes: a question and its answer before a request, then the request's thread", async () => {
    const options = {
      userApiUrl: stack.users.url,
      inventoryApiUrl: stack.inventory.url,
      password: PASSWORD,
      avatarFor,
    };
    const seeded = await seedCatalogue(options);
    expect(seeded).toMatchObject({
      profiles: 4,
      items: 50,
      loans: 10,
      questions: 1,
      reviews: 6,
      skipped: false,
    });

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

    // A lived-in profile: Chloé's words and face, and the reviews she got from both her loans
    // (each revealed: both sides wrote theirs), with her answer to Alice's.
    const me = await chloe.users.getMe({});
    expect(me).toMatchObject({ bio: expect.stringMatching(/brioche/), neighbourhood: "Old Town" });
    // Served by the User API (its address in the URL is the configured public one, not the test's port).
    const portrait = await fetch(new URL(new URL(me.avatarUrl ?? "").pathname, stack.users.url));
    expect([portrait.status, portrait.headers.get("content-type")]).toEqual([
      200,
      expect.stringMatching(/^image\//),
    ]);
    const anonymous = createClient({ userApiUrl: stack.users.url, inventoryApiUrl: stack.inventory.url });
    const reviewsOf = () => anonymous.users.reviews({ params: { id: me.id }, query: {} });
    const received = await reviewsOf();
    expect(received.summary).toMatchObject({
      count: 2,
      average: 5,
      completedAsLender: 1,
      completedAsBorrower: 1,
    });
    expect(received.items.map((r) => [r.author.name, r.item.title, r.reply?.body ?? null])).toEqual(
      expect.arrayContaining([
        ["Alice Martin", "Stand mixer", expect.stringMatching(/^So glad the cake/)],
        ["Dev Patel", "Pasta machine", null],
      ]),
    );
    expect(received.items.every((r) => r.revealedAt !== null && r.author.avatarUrl !== null)).toBe(true);

    // Around one town: "near me" from its centre finds the neighbours' things nearest first, and
    // the owners' rules and Bob's calendar feed are there to try.
    const near = await anonymous.items.list({
      query: {
        near: `${DEMO_TOWN.position.lat},${DEMO_TOWN.position.lng}`,
        radiusKm: 5,
        sort: "distance",
        limit: 100,
      },
    });
    expect(near.items).toHaveLength(50);
    const distances = near.items.map((item) => item.distanceKm ?? Infinity);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(distances.at(-1)).toBeLessThan(5);
    const karaoke = near.items.find((item) => item.title === "Karaoke machine");
    expect(karaoke?.paused).toBe(true);
    const gazebo = near.items.find((item) => item.title === "Gazebo, 3 × 3 m")!;
    const taken = await anonymous.items.availability({ params: { id: gazebo.id }, query: {} });
    expect(taken.taken).toEqual([{ start: dateInDays(25), end: dateInDays(27) }]);
    const feedPath = new URL(seeded.calendarUrl ?? "").pathname;
    const feed = await fetch(new URL(feedPath, stack.inventory.url));
    expect(feed.headers.get("content-type")).toMatch(/^text\/calendar/);
    expect(await feed.text()).toContain("BEGIN:VEVENT");

    // Seeding again changes nothing.
    expect(await seedCatalogue(options)).toMatchObject({ skipped: true, questions: 0, reviews: 0 });
    expect(await threadsAbout(chloe, "Two-person hiking tent")).toHaveLength(2);
    expect((await chloe.users.getMe({})).avatarUrl).toBe(me.avatarUrl);
    expect(await reviewsOf()).toEqual(received);
  }, 120_000);
});
