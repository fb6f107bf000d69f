import { check } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { Neighbour, StoryState } from "./story-state.ts";

const BENS_REVIEW = "Great drill, and Olivia showed me how to swap the bits.";
const OLIVIAS_REVIEW = "Ben brought it back on time with every bit in its slot.";

/** The revealed reviews a person received, as anyone sees them on their profile. */
async function reviewsOf(state: StoryState, person: Neighbour) {
  return state.anonymous.users.reviews({ params: { id: person.id }, query: {} });
}

/**
 * After the return both sides review each other. Double-blind: Ben's review stays hidden, even on
 * Olivia's profile, until Olivia has written hers; then both show at once.
 */
export function returnAndReviewStep(state: StoryState): Step {
  return {
    title: "Olivia takes the drill back; both review, and the reviews show",
    async run() {
      const owner = need(state.owner, "Olivia's account");
      const borrower = need(state.borrower, "Ben's account");
      const loan = need(state.loan, "Ben's loan");
      const returned = await owner.client.loans.return({ params: { id: loan.id } });
      check(returned.status === "returned", `after return the loan is "${returned.status}"`);

      await borrower.client.reviews.write({
        params: { id: loan.id },
        body: { rating: 5, body: BENS_REVIEW },
      });
      const before = await reviewsOf(state, owner);
      check(before.items.length === 0, "Ben's review shows on Olivia's profile before she wrote hers");

      await owner.client.reviews.write({
        params: { id: loan.id },
        body: { rating: 5, body: OLIVIAS_REVIEW },
      });
      const [ofOlivia, ofBen] = [await reviewsOf(state, owner), await reviewsOf(state, borrower)];
      const shown = (page: typeof ofOlivia, author: Neighbour, body: string) =>
        page.items.find((r) => r.author.id === author.id && r.body === body && r.revealedAt !== null);
      const bens = shown(ofOlivia, borrower, BENS_REVIEW);
      const olivias = shown(ofBen, owner, OLIVIAS_REVIEW);
      check(bens !== undefined, "Ben's review is not on Olivia's profile after both wrote theirs");
      check(olivias !== undefined, "Olivia's review is not on Ben's profile after both wrote theirs");
      return [
        `the drill is "${returned.status}"; Ben's review stayed hidden until Olivia wrote hers, then both show`,
        `on Olivia's profile: ${"★".repeat(bens.rating)} from Ben: "${bens.body}"`,
        `on Ben's profile: ${"★".repeat(olivias.rating)} from Olivia: "${olivias.body}"`,
      ];
    },
  };
}
