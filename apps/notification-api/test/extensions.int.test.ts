import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Neighbour } from "@sharehood/test-stack";
import { eventually, extensionEvent, loanBetween, type Person } from "./events.ts";
import { mailboxOf } from "./mailbox.ts";
import { startNotificationStack, WEB_URL, type NotificationStack } from "./stack.ts";

// Extension events become notifications and emails: the owner hears of a request, the borrower of
// the answer, each with the dates and a link to the loan.

let stack: NotificationStack;
let olive: Neighbour;
let bea: Neighbour;
beforeAll(async () => {
  stack = await startNotificationStack("extensions");
  [olive, bea] = await Promise.all([stack.signUp("Olive"), stack.signUp("Bea")]);
});
afterAll(() => stack.close());

const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });
const { mailsTo, nthEmailTo, settle } = mailboxOf(() => stack);
const dates = { previousEndDate: "2026-12-12", endDate: "2026-12-15" };

describe("extension events", () => {
  it("tell the owner of a request in the app and by email, with both end dates and the loan's link", async () => {
    const loan = loanBetween(person(olive), person(bea), { status: "approved" });
    await stack.publish(extensionEvent("loan.extension_requested", loan, bea.id, dates));

    const owner = stack.client(olive.token);
    const [notification] = await eventually(async () => {
      const { items } = await owner.notifications.list({ query: {} });
      return items.length > 0 ? items : null;
    });
    expect(notification).toMatchObject({
      type: "loan.extension_requested",
      title: "Bea asks to keep Cordless drill longer",
      url: `/loans/${loan.id}`,
    });
    expect(notification?.body).toContain("until Tue, 15 Dec 2026 instead of Sat, 12 Dec 2026");

    const mail = await nthEmailTo(olive.email);
    expect(mail.subject).toBe("Bea asks to keep Cordless drill longer");
    expect(mail.text).toContain(`${WEB_URL}/loans/${loan.id}`);
    // The borrower asked: nobody is told of their own action.
    await settle();
    expect(mailsTo(bea.email)).toHaveLength(0);
  });

  it("tell the borrower of the answer, emailing only while that kind is switched on", async () => {
    const borrower = stack.client(bea.token);
    await borrower.notifications.updatePreferences({
      body: { kinds: { "loan.extension_declined": { email: false } } },
    });
    const approved = loanBetween(person(olive), person(bea), { status: "active", endDate: dates.endDate });
    await stack.publish(extensionEvent("loan.extension_approved", approved, olive.id, dates));
    const mail = await nthEmailTo(bea.email);
    expect(mail.subject).toBe("Extension approved: Cordless drill");

    const declined = loanBetween(person(olive), person(bea), { status: "active" });
    await stack.publish(extensionEvent("loan.extension_declined", declined, olive.id, dates));
    await eventually(async () => {
      const { items } = await borrower.notifications.list({ query: {} });
      return items.some((n) => n.url === `/loans/${declined.id}`) || null;
    });
    await settle();
    expect(mailsTo(bea.email)).toHaveLength(1);
  });
});
