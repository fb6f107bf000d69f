import { randomUUID } from "node:crypto";
import type { CreateItemBody, Item } from "@sharehood/sdk";
import { STREETS } from "./catalogue.ts";
import { check } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import { signUp, type Neighbour, type StoryState } from "./story-state.ts";

const DRILL: CreateItemBody = {
  title: "Cordless drill",
  description: "18 V drill with two batteries and a box of bits. Great for shelves.",
  categoryId: "tools",
  condition: "good",
  location: "Elm Street",
  // The API keeps it snapped to a 250 m grid: nobody's front door can be read from it.
  position: STREETS.alice,
  maxDays: 7,
};

const TENT: CreateItemBody = {
  title: "Two-person tent",
  description: "Light three-season tent, packs down small. Pegs and footprint included.",
  categoryId: "camping",
  condition: "like_new",
  location: "Elm Street",
  position: STREETS.alice,
};

const who = (person: Neighbour) => `${person.name} <${person.email}>`;
const describeItem = (item: Item) =>
  `• "${item.title}" (${item.categoryId}, ${item.condition}) by ${item.owner.name} — id ${item.id}`;

export function registerStep(state: StoryState): Step {
  return {
    title: "Register and log in two neighbours",
    async run() {
      state.owner = await signUp(state, "Olivia Park", "owner");
      state.borrower = await signUp(state, "Ben Ortiz", "borrower");
      return [`${who(state.owner)} and ${who(state.borrower)} are registered and signed in`];
    },
  };
}

export function listItemsStep(state: StoryState): Step {
  return {
    title: "Olivia lists two things to lend",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      // An idempotency key makes a retried create safe: the API replays instead of listing twice.
      state.drill = await owner.client.items.create({ body: DRILL }, { idempotencyKey: randomUUID() });
      state.tent = await owner.client.items.create({ body: TENT }, { idempotencyKey: randomUUID() });
      check(state.drill.owner.id === owner.id, "the drill was not listed as Olivia's");
      return [`listed "${state.drill.title}" and "${state.tent.title}" in ${DRILL.location}`];
    },
  };
}

export function browseStep(state: StoryState): Step {
  return {
    title: "A visitor browses without signing in (list, search, open one)",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      const [drill, tent] = [need(state.drill, "the drill"), need(state.tent, "the tent")];
      const shelf = await state.anonymous.items.list({ query: { ownerId: owner.id, sort: "title" } });
      const ids = shelf.items.map((item) => item.id);
      check(
        ids.length === 2 && ids.includes(drill.id) && ids.includes(tent.id),
        `Olivia's shelf shows ${ids.length} items, expected her 2`,
      );
      const found = await state.anonymous.items.list({ query: { q: "drill", ownerId: owner.id } });
      check(
        found.items.length === 1 && found.items[0]?.id === drill.id,
        `searching "drill" found ${found.items.length} items, expected the drill`,
      );
      const page = await state.anonymous.items.get({ params: { id: tent.id } });
      check(page.owner.name === owner.name, `the tent's page names "${page.owner.name}" as its owner`);
      return [
        `Olivia's shelf shows ${ids.length} items, searching "drill" finds "${found.items[0].title}", and the tent's page names ${page.owner.name}`,
        ...shelf.items.map(describeItem),
      ];
    },
  };
}

export function requestStep(state: StoryState): Step {
  return {
    title: "Ben asks to borrow the drill",
    async run() {
      const borrower = need(state.borrower, "Ben's account");
      const drill = need(state.drill, "the drill");
      const body = { ...state.dates, message: "Hi Olivia, could I borrow it to put up some shelves?" };
      const loan = await borrower.client.loans.request(
        { params: { id: drill.id }, body },
        { idempotencyKey: randomUUID() },
      );
      check(loan.status === "requested", `the new loan is "${loan.status}", expected "requested"`);
      state.loan = loan;
      // Every loan has its own thread between borrower and owner, opened with the request's message.
      const thread = await borrower.client.conversations.get({
        params: { id: need(loan.conversationId ?? undefined, "the loan's thread") },
      });
      check(
        thread.lastMessage?.body === body.message,
        `the loan's thread shows "${thread.lastMessage?.body}", expected the request's message`,
      );
      return [
        `loan ${loan.id} for ${loan.startDate} → ${loan.endDate} is "${loan.status}", waiting for Olivia`,
        `the loan's own thread opens with Ben's message: "${thread.lastMessage.body}"`,
      ];
    },
  };
}
