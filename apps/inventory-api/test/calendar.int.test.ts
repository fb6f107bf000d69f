import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inDays, newItem, raw, refused } from "./fixtures.ts";
import { startStack, type TestStack } from "./stack.ts";

// A person's private calendar feed: an address with a secret that they can replace or turn off,
// serving their loans as borrower and as owner as iCalendar, which a real parser reads here.

const WEB_URL = "http://web.test";

// The service runs 11 hours behind UTC here, where midnight UTC is still the day before: a loan's
// days must still come out as the same days.
process.env.TZ = "Pacific/Pago_Pago";

let stack: TestStack;
type User = Awaited<ReturnType<TestStack["signUp"]>>;
let alice: User;
let bob: User;
let carol: User;

beforeAll(async () => {
  stack = await startStack("calendar", { inventory: { PUBLIC_WEB_URL: WEB_URL } });
  [alice, bob, carol] = await Promise.all([
    stack.signUp("Alice"),
    stack.signUp("Bob"),
    stack.signUp("Carol"),
  ]);
});
afterAll(() => stack.close());

const db = () => stack.inventory.api.db;

/** A parsed event: what a calendar program shows. */
interface Shown {
  uid: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  status: string;
  sequence: number;
  lastModified: string;
  url: string;
}

/** Fetches a feed's address and parses it with ical.js; answers the response and its events by UID. */
async function read(url: string) {
  const response = await raw(url);
  if (response.status !== 200) return { response, calendar: undefined, events: new Map<string, Shown>() };
  const calendar = new ICAL.Component(ICAL.parse(response.text));
  const events = new Map<string, Shown>();
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    events.set(event.uid, {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      allDay: event.startDate.isDate && event.endDate.isDate,
      status: String(vevent.getFirstPropertyValue("status")),
      sequence: event.sequence,
      lastModified: String(vevent.getFirstPropertyValue("last-modified")),
      url: String(vevent.getFirstPropertyValue("url")),
    });
  }
  return { response, calendar, events };
}

/** A loan of one of `owner`'s items to `borrower`, days `from`..`to` from today, taken to `step`. */
async function loanOf(owner: User, borrower: User, from: number, to: number, step?: "approve" | "handover") {
  const item = await owner.client.items.create({ body: newItem({ title: `Drill ${from}-${to}` }) });
  const loan = await borrower.client.loans.request({
    params: { id: item.id },
    body: { startDate: inDays(from), endDate: inDays(to) },
  });
  if (step) await owner.client.loans.approve({ params: { id: loan.id } });
  if (step === "handover") await owner.client.loans.handover({ params: { id: loan.id } });
  return loan;
}

describe("the feed's address", () => {
  it("is made by POST, shown by GET, replaced by another POST (the old one then 404) and turned off by DELETE", async () => {
    const me = await stack.signUp("Dora");
    await refused(me.client.calendar.get({}), 404, "not_found");
    const first = await me.client.calendar.create({});
    expect(first.url).toMatch(new RegExp(`^${stack.inventory.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await me.client.calendar.get({})).toEqual(first);
    expect((await raw(first.url)).status).toBe(200);

    const second = await me.client.calendar.create({});
    expect(second.url).not.toBe(first.url);
    const retired = await raw(first.url);
    expect(retired.status).toBe(404);
    expect(retired.headers.get("content-type")).toContain("application/problem+json");
    expect((await raw(second.url)).status).toBe(200);

    await me.client.calendar.delete({});
    expect((await raw(second.url)).status).toBe(404);
    await refused(me.client.calendar.get({}), 404, "not_found");
  });

  it("needs a signed-in person, and refuses a malformed secret with 400", async () => {
    await refused(stack.client().calendar.create({}), 401, "unauthenticated");
    expect((await raw(`${stack.inventory.url}/calendar/not.a.token.ics`)).status).toBe(400);
  });
});

describe("the feed", () => {
  it("shows my loans as borrower and as owner: all-day pick-up and return days, named for the other person", async () => {
    const borrowed = await loanOf(bob, alice, 3, 5, "approve");
    const lent = await loanOf(alice, carol, 10, 12);
    const { url } = await alice.client.calendar.create({});
    const { response, calendar, events } = await read(url);

    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(calendar?.getFirstPropertyValue("x-wr-calname")).toBe("Sharehood loans");
    expect(calendar?.getFirstPropertyValue("x-wr-timezone")).toBe("UTC");

    expect(events.get(`${borrowed.id}-pickup@sharehood`)).toMatchObject({
      summary: `Pick up: ${borrowed.item.title} from Bob`,
      start: inDays(3),
      end: inDays(4),
      allDay: true,
      status: "CONFIRMED",
      url: `${WEB_URL}/loans/${borrowed.id}`,
    });
    expect(events.get(`${borrowed.id}-return@sharehood`)).toMatchObject({
      summary: `Return: ${borrowed.item.title} to Bob`,
      start: inDays(5),
      allDay: true,
    });
    expect(events.get(`${lent.id}-pickup@sharehood`)).toMatchObject({
      summary: `Hand over: ${lent.item.title} to Carol`,
      start: inDays(10),
      status: "TENTATIVE",
    });
    expect(events.get(`${lent.id}-return@sharehood`)?.summary).toBe(
      `Get back: ${lent.item.title} from Carol`,
    );
    // Dates without a time or a zone: the same days wherever the calendar is read.
    expect(response.text).toContain(`DTSTART;VALUE=DATE:${inDays(3).replaceAll("-", "")}`);
  });

  it("moves the return day when an extension is approved, with a higher SEQUENCE and a new LAST-MODIFIED", async () => {
    const loan = await loanOf(bob, alice, 20, 22, "handover");
    const { url } = await alice.client.calendar.create({});
    const before = (await read(url)).events.get(`${loan.id}-return@sharehood`)!;
    expect(before.start).toBe(inDays(22));

    // As if the loan was handed over a while ago (LAST-MODIFIED counts whole seconds).
    await db()
      .$executeRaw`UPDATE loans SET updated_at = updated_at - interval '1 hour' WHERE id = ${loan.id}`;
    const stale = (await read(url)).events.get(`${loan.id}-return@sharehood`)!;
    await alice.client.loans.requestExtension({ params: { id: loan.id }, body: { endDate: inDays(25) } });
    await bob.client.loans.approveExtension({ params: { id: loan.id } });
    const after = (await read(url)).events.get(`${loan.id}-return@sharehood`)!;
    expect(after.start).toBe(inDays(25));
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.lastModified > stale.lastModified).toBe(true);
  });

  it("marks both days of a cancelled loan CANCELLED", async () => {
    const loan = await loanOf(bob, alice, 30, 31, "approve");
    const { url } = await alice.client.calendar.create({});
    await alice.client.loans.cancel({ params: { id: loan.id } });
    const { events } = await read(url);
    expect(events.get(`${loan.id}-pickup@sharehood`)?.status).toBe("CANCELLED");
    expect(events.get(`${loan.id}-return@sharehood`)?.status).toBe("CANCELLED");
  });

  it("keeps loans that ended in the last 90 days and leaves older ones out", async () => {
    const recent = await loanOf(bob, alice, 40, 41, "approve");
    const old = await loanOf(bob, alice, 42, 43, "approve");
    await db()
      .$executeRaw`UPDATE loans SET start_date = current_date - 95, end_date = current_date - 89 WHERE id = ${recent.id}`;
    await db()
      .$executeRaw`UPDATE loans SET start_date = current_date - 95, end_date = current_date - 91 WHERE id = ${old.id}`;
    const { url } = await alice.client.calendar.create({});
    const { events } = await read(url);
    expect(events.has(`${recent.id}-return@sharehood`)).toBe(true);
    expect(events.has(`${old.id}-return@sharehood`)).toBe(false);
  });

  it("never shows another person's loans", async () => {
    const theirs = await loanOf(bob, carol, 50, 52, "approve");
    const { url } = await alice.client.calendar.create({});
    const { events } = await read(url);
    expect([...events.keys()].some((uid) => uid.startsWith(theirs.id))).toBe(false);
    const shown = [...events.values()].map((e) => e.url.slice(`${WEB_URL}/loans/`.length));
    const mine = await alice.client.loans.list({ query: { limit: 100 } });
    expect(shown.every((id) => mine.items.some((loan) => loan.id === id))).toBe(true);
  });
});
