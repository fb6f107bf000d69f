import { distanceKm } from "@sharehood/sdk";
import { DEMO_TOWN } from "./catalogue.ts";
import { check, dateInDays, describeRefusal, expectRefusal } from "./outcomes.ts";
import { need, type Step } from "./steps.ts";
import type { StoryState } from "./story-state.ts";

/** A visitor standing in the town centre looks for things within 2 km, nearest first. */
export function nearStep(state: StoryState): Step {
  return {
    title: `A visitor in ${DEMO_TOWN.name} looks for things within 2 km, nearest first`,
    async run() {
      const drill = need(state.drill, "the drill");
      const owner = need(state.owner, "Olivia's account");
      const { lat, lng } = DEMO_TOWN.position;
      const near = await state.anonymous.items.list({
        query: { near: `${lat},${lng}`, radiusKm: 2, sort: "distance", ownerId: owner.id },
      });
      const found = near.items.find((item) => item.id === drill.id);
      check(
        found?.distanceKm !== undefined,
        "Olivia's drill, 1 km from the centre, was not found within 2 km",
      );
      const stored = need(found.position ?? undefined, "the drill's position");
      const off = distanceKm(stored, need(drill.position ?? undefined, "the listed position")) * 1000;
      check(off < 1, `the drill's position moved ${off.toFixed(0)} m between listing and search`);
      const names = near.items.map((item) => `"${item.title}" ${item.distanceKm} km`).join(", ");
      return [
        `Olivia's things within 2 km: ${names}; positions are kept to about 250 m (${stored.lat}, ${stored.lng})`,
      ];
    },
  };
}

/**
 * The owner's rule (the drill is lent for at most 7 days) refuses too long an extension; a shorter
 * one is asked and approved, and the loan's history says so.
 */
export function extensionStep(state: StoryState): Step {
  return {
    title: "Ben asks to keep the drill two days longer, and Olivia agrees",
    async run() {
      const [owner, borrower] = [
        need(state.owner, "Olivia's account"),
        need(state.borrower, "Ben's account"),
      ];
      const loan = need(state.loan, "Ben's loan");
      const tooLong = await expectRefusal(422, () =>
        borrower.client.loans.requestExtension({
          params: { id: loan.id },
          body: { endDate: dateInDays(30) },
        }),
      );
      const endDate = dateInDays(7);
      const asked = await borrower.client.loans.requestExtension({
        params: { id: loan.id },
        body: { endDate },
      });
      check(asked.status === "pending", `the extension is "${asked.status}", expected "pending"`);
      const approved = await owner.client.loans.approveExtension({ params: { id: loan.id } });
      check(
        approved.endDate === endDate,
        `after approval the loan ends ${approved.endDate}, expected ${endDate}`,
      );
      const history = approved.events.map((event) => event.type).join(" → ");
      state.loan = approved;
      return [
        `a month more: ${describeRefusal(tooLong)}`,
        `until ${endDate}: asked, approved; the loan now ends ${approved.endDate} (history: ${history})`,
      ];
    },
  };
}

/** Ben's loans in his calendar app: a private address serving an iCalendar feed. */
export function calendarStep(state: StoryState): Step {
  return {
    title: "Ben puts his loans in his calendar",
    async run() {
      const borrower = need(state.borrower, "Ben's account");
      const loan = need(state.loan, "Ben's loan");
      const feed = await borrower.client.calendar.create({});
      // Fetched where this walkthrough reaches the API (the feed's address is the public one).
      const response = await fetch(new URL(new URL(feed.url).pathname, state.options.inventoryApiUrl));
      const text = await response.text();
      check(
        response.ok && text.startsWith("BEGIN:VCALENDAR"),
        `the feed answered ${response.status}, not a calendar`,
      );
      const returnDay = `DTSTART;VALUE=DATE:${loan.endDate.replaceAll("-", "")}`;
      check(text.includes(returnDay), `the feed has no event on the drill's return day ${loan.endDate}`);
      const events = text.split("BEGIN:VEVENT").length - 1;
      return [`${feed.url} serves ${events} events, the drill's pick-up and its return on ${loan.endDate}`];
    },
  };
}
