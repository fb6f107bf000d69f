import { ApiError, type SharehoodClient } from "@sharehood/sdk";
import { connectTo, moveLoan, requestLoan, signIn, type LoanStep } from "@sharehood/test-stack/fixtures";
import { CATALOGUE, PROFILES, REVIEWS, RULES, type Listing, type Neighbour } from "./catalogue.ts";
import { dateInDays } from "./outcomes.ts";

const EMAILS: Record<Neighbour, string> = {
  alice: "alice@example.com",
  bob: "bob@example.com",
  chloe: "chloe@example.com",
  dev: "dev@example.com",
};

/** Loans in every state, so the borrowing dashboards have something to show. */
const LOANS: {
  borrower: Neighbour;
  title: string;
  days: [number, number];
  message: string;
  then: LoanStep[];
}[] = [
  {
    borrower: "bob",
    title: "Cordless drill (18V)",
    days: [0, 3],
    message: "Putting up shelves this weekend!",
    then: ["approve", "handover"],
  },
  {
    borrower: "chloe",
    title: "Two-person hiking tent",
    days: [10, 12],
    message: "A night in the hills, if the weather holds.",
    then: [],
  },
  {
    borrower: "dev",
    title: "Family tent for six",
    days: [5, 8],
    message: "Family trip to the lake.",
    then: ["approve"],
  },
  {
    borrower: "alice",
    title: "Stand mixer",
    days: [1, 2],
    message: "Birthday cake duty.",
    then: ["approve", "handover", "return"],
  },
  {
    borrower: "dev",
    title: "Stand-up paddle board",
    days: [3, 4],
    message: "First time paddling!",
    then: ["decline"],
  },
  {
    borrower: "bob",
    title: "Inflatable kayak",
    days: [6, 7],
    message: "River day with my brother.",
    then: ["approve", "cancel"],
  },
  {
    borrower: "chloe",
    title: "Full HD projector",
    days: [14, 15],
    message: "Outdoor cinema for the street party.",
    then: ["approve"],
  },
  {
    borrower: "alice",
    title: "Pressure washer",
    days: [20, 21],
    message: "The patio needs it badly.",
    then: [],
  },
  // Returned, and reviewed by both sides (REVIEWS), so profiles show a record from the start.
  {
    borrower: "bob",
    title: "Laser level",
    days: [0, 1],
    message: "Hanging a row of frames in the hall.",
    then: ["approve", "handover", "return"],
  },
  {
    borrower: "chloe",
    title: "Pasta machine",
    days: [2, 3],
    message: "Pasta night for the book club!",
    then: ["approve", "handover", "return"],
  },
];

/**
 * Questions a would-be borrower asks before asking to borrow, and the owner's answers: the thread
 * about the item in both inboxes, beside the loan's own thread (which opens with the request's
 * message). The asker has read the answer; the owner has the request to read.
 */
const QUESTIONS: { asker: Neighbour; title: string; question: string; answer: string }[] = [
  {
    asker: "chloe",
    title: "Two-person hiking tent",
    question: "Hi Alice! Does the tent come with pegs? And how heavy is it all packed?",
    answer: "Hi Chloé! Pegs, footprint and a little repair kit, 1.8 kg in all. Just ask when you need it.",
  },
];

export interface SeedOptions {
  userApiUrl: string;
  inventoryApiUrl: string;
  password: string;
  /** Pictures for a listing (optional): uploaded as the item's photos. */
  photosFor?: (listing: Listing, index: number) => Promise<Blob[]>;
  /** A portrait for a neighbour (optional): uploaded as their avatar. */
  avatarFor?: (who: Neighbour) => Promise<Blob>;
}

/** What a seed run did (all zero, and `skipped`, when the catalogue was already there). */
export interface SeedResult {
  profiles: number;
  items: number;
  loans: number;
  questions: number;
  reviews: number;
  /** Bob's private calendar feed of his loans (he borrows and lends), to try in a calendar app. */
  calendarUrl: string | null;
  skipped: boolean;
}

/**
 * Fills an empty Sharehood with the demo neighbourhood's catalogue and loans, through the SDK like
 * any client. Runs once: when Alice already lists something, it changes nothing.
 */
export async function seedCatalogue(options: SeedOptions): Promise<SeedResult> {
  const connect = connectTo(options);
  const anonymous = connect();
  const people = {} as Record<Neighbour, { id: string; client: SharehoodClient }>;
  for (const [who, email] of Object.entries(EMAILS) as [Neighbour, string][])
    people[who] = await signIn(connect, { email, password: options.password });
  const existing = await anonymous.items.list({ query: { ownerId: people.alice.id, limit: 1 } });
  if (existing.items.length > 0)
    return { profiles: 0, items: 0, loans: 0, questions: 0, reviews: 0, calendarUrl: null, skipped: true };

  // Profiles first, so every item, loan and review already shows a face and a few words.
  for (const [who, profile] of Object.entries(PROFILES) as [Neighbour, (typeof PROFILES)[Neighbour]][]) {
    const { client } = people[who];
    await client.users.updateMe({ body: profile });
    const portrait = await options.avatarFor?.(who);
    if (portrait) await client.users.uploadAvatar({ file: portrait });
  }

  const ids = new Map<string, string>();
  for (const [index, listing] of CATALOGUE.entries()) {
    const { owner, ...fields } = listing;
    const { blockedDays, ...rules } = RULES[listing.title] ?? {};
    const blockedRanges = blockedDays?.map(([from, to]) => ({
      start: dateInDays(from),
      end: dateInDays(to),
    }));
    const body = { ...fields, ...rules, ...(blockedRanges ? { blockedRanges } : {}) };
    // The key makes a seed interrupted half-way safe to run again: nothing is listed twice.
    const item = await people[owner].client.items.create({ body }, { idempotencyKey: `demo-seed-${index}` });
    ids.set(listing.title, item.id);
    const photos = await options.photosFor?.(listing, index);
    if (photos?.length)
      await people[owner].client.items.uploadPhotos({ params: { id: item.id }, files: photos });
  }

  // Before the loans, so each question comes before its request, as in life.
  for (const [index, talk] of QUESTIONS.entries()) {
    const owner = people[CATALOGUE.find((l) => l.title === talk.title)!.owner].client;
    const asker = people[talk.asker].client;
    // Keys, as for the items: a seed run again after an interruption writes nothing twice.
    const thread = await asker.conversations.ask(
      { params: { id: ids.get(talk.title)! }, body: { body: talk.question } },
      { idempotencyKey: `demo-seed-question-${index}` },
    );
    await owner.conversations.send(
      { params: { id: thread.id }, body: { body: talk.answer } },
      { idempotencyKey: `demo-seed-answer-${index}` },
    );
    await asker.conversations.markRead({ params: { id: thread.id } });
  }

  let loans = 0;
  let reviews = 0;
  for (const loan of LOANS) {
    const listing = CATALOGUE.find((l) => l.title === loan.title)!;
    const owner = people[listing.owner].client;
    const borrower = people[loan.borrower].client;
    const [from, to] = loan.days;
    const created = await requestLoan(borrower, ids.get(loan.title)!, { from, to, message: loan.message });
    for (const step of loan.then) {
      const actor = step === "cancel" ? borrower : owner;
      await moveLoan(actor, created.id, step).catch((error: unknown) => {
        throw error instanceof ApiError
          ? new Error(`demo loan "${loan.title}" could not ${step}: ${error.message}`)
          : error;
      });
    }
    loans += 1;
    const review = REVIEWS[loan.title];
    if (review) reviews += await reviewBothWays(created.id, review, { owner, borrower });
  }
  const calendar = await people.bob.client.calendar.create({});
  return {
    profiles: Object.keys(PROFILES).length,
    items: CATALOGUE.length,
    loans,
    questions: QUESTIONS.length,
    reviews,
    calendarUrl: calendar.url,
    skipped: false,
  };
}

/**
 * Both sides of a returned loan review each other (the borrower first: the owner's review reveals
 * both), then the reviewed person answers, if the catalogue says so. Answers how many reviews.
 */
async function reviewBothWays(
  loanId: string,
  review: (typeof REVIEWS)[string],
  sides: Record<"owner" | "borrower", SharehoodClient>,
): Promise<number> {
  const written = {
    borrower: await sides.borrower.reviews.write({ params: { id: loanId }, body: review.borrower }),
    owner: await sides.owner.reviews.write({ params: { id: loanId }, body: review.owner }),
  };
  if (review.reply) {
    // The review of the one who answers is the other side's.
    const of = review.reply.by === "owner" ? written.borrower : written.owner;
    await sides[review.reply.by].reviews.reply({ params: { id: of.id }, body: { body: review.reply.body } });
  }
  return 2;
}
