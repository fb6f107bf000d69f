import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiError, SharehoodClient } from "@sharehood/sdk";
import type { AuditRecord, DomainEvent, Notification } from "@sharehood/sdk/contract";
import type { Neighbour, SignedIn } from "@sharehood/test-stack";
import {
  auditRecorded,
  eventually,
  itemHidden,
  loanBetween,
  loanEvent,
  reportResolved,
  reviewsRevealed,
  userSuspended,
  type Person,
} from "./events.ts";
import { header, mailboxOf } from "./mailbox.ts";
import { startNotificationStack, WEB_URL, type NotificationStack } from "./stack.ts";

let stack: NotificationStack;
let admin: SignedIn;
beforeAll(async () => {
  stack = await startNotificationStack("trust");
  admin = await stack.admin();
});
afterAll(() => stack.close());

const { mailsTo, nthEmailTo, settle } = mailboxOf(() => stack);
const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });
const notificationsOf = async (n: Neighbour): Promise<Notification[]> =>
  (await stack.client(n.token).notifications.list({ query: {} })).items;

describe("trust and moderation events", () => {
  // Five people: an owner and a borrower with a returned loan, a reporter, someone suspended, and
  // a bystander. Every event is published once, then everything settles; each test reads its part.
  let owner: Neighbour, borrower: Neighbour, reporter: Neighbour, suspended: Neighbour, bystander: Neighbour;
  const loan = { id: "" };
  const item = { id: randomUUID(), title: "Folding ladder" };
  beforeAll(async () => {
    [owner, borrower, reporter, suspended, bystander] = await Promise.all([
      stack.signUp("Olga"),
      stack.signUp("Bart"),
      stack.signUp("Rita"),
      stack.signUp("Sam"),
      stack.signUp("Bea"),
    ]);
    // The borrower wants every kind emailed; the others keep the defaults.
    await stack.client(borrower.token).notifications.updatePreferences({
      body: { kinds: { "loan.returned": { email: true }, "review.revealed": { email: true } } },
    });
    const returned = loanBetween(person(owner), person(borrower), { status: "returned" });
    loan.id = returned.id;
    await stack.publish(
      loanEvent("loan.returned", returned, owner.id),
      reviewsRevealed(
        returned,
        [
          { authorId: owner.id, subjectId: borrower.id },
          { authorId: borrower.id, subjectId: owner.id },
        ],
        borrower.id,
      ),
      itemHidden(admin.id, owner.id, item, "Listed twice; please keep one."),
      reportResolved(admin.id, reporter.id, "hide_item", { type: "item", id: item.id }),
      reportResolved(admin.id, reporter.id, "dismiss", { type: "user", id: owner.id }),
      userSuspended(admin.id, suspended.id),
    );
    await settle();
  });

  it("invites both sides of a returned loan to review it, emailing only who switched that on", async () => {
    for (const side of [owner, borrower]) {
      const returned = (await notificationsOf(side)).filter((n) => n.type === "loan.returned");
      expect(
        returned.map((n) => [n.title, n.url]),
        side.name,
      ).toEqual([["You can review your loan of Cordless drill", `/loans/${loan.id}#review`]]);
    }
    const mail = mailsTo(borrower.email).find(
      (m) => m.subject === "You can review your loan of Cordless drill",
    );
    expect(mail?.text).toContain(`${WEB_URL}/loans/${loan.id}#review`);
  });

  it("tells both sides that their reviews are visible, each sent to their own profile", async () => {
    for (const side of [owner, borrower]) {
      const revealed = (await notificationsOf(side)).filter((n) => n.type === "review.revealed");
      expect(
        revealed.map((n) => [n.title, n.url]),
        side.name,
      ).toEqual([["Your reviews for Cordless drill are visible", `/people/${side.id}`]]);
    }
    // Emailed only to the borrower, who switched it on (it is off by default).
    const mail = mailsTo(borrower.email).find(
      (m) => m.subject === "Your reviews for Cordless drill are visible",
    );
    expect(mail?.html).toContain(`href="${WEB_URL}/people/${borrower.id}"`);
    expect(mail && header(mail, "List-Unsubscribe")).toMatch(/unsubscribe\?token=/);
  });

  it("tells an owner why moderators hid their item, in the app and by email", async () => {
    const hidden = (await notificationsOf(owner)).filter((n) => n.type === "item.hidden");
    expect(hidden).toEqual([
      expect.objectContaining({
        title: "Folding ladder was hidden by moderators",
        url: "/listings",
        body: expect.stringContaining("Listed twice; please keep one.") as unknown,
      }),
    ]);
    const mail = await nthEmailTo(owner.email);
    expect(mail.subject).toBe("Folding ladder was hidden by moderators");
    expect(mail.text).toContain("Listed twice; please keep one.");
    expect(mail.text).toContain(`${WEB_URL}/listings`);
    // Review and return emails are off by default: that was the owner's only email.
    expect(mailsTo(owner.email)).toHaveLength(1);
  });

  it("thanks the reporter for each handled report, saying only whether action was taken", async () => {
    const thanks = (await notificationsOf(reporter)).map((n) => [n.type, n.title, n.url, n.body]);
    expect(thanks).toEqual([
      [
        "report.resolved",
        "Thanks — your report was handled",
        "/",
        "We looked into your report about a person. Thank you for telling us.",
      ],
      [
        "report.resolved",
        "Thanks — your report was handled",
        "/",
        expect.stringContaining("we took action") as unknown,
      ],
    ]);
    expect(mailsTo(reporter.email)).toHaveLength(0);
  });

  it("emails a suspended person, always and without unsubscribe, and creates no notification", async () => {
    const [mail, ...more] = mailsTo(suspended.email);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe("Your Sharehood account is suspended");
    expect(mail?.text).toContain("write to us at no-reply@sharehood.test");
    expect(mail?.html).toContain('href="mailto:no-reply@sharehood.test"');
    expect(mail && header(mail, "List-Unsubscribe")).toBeUndefined();
    expect(await stack.notifications.api.db.notification.count({ where: { userId: suspended.id } })).toBe(0);
  });

  it("tells nobody else", async () => {
    expect(await notificationsOf(bystander)).toEqual([]);
    expect(mailsTo(bystander.email)).toHaveLength(0);
    expect(await notificationsOf(borrower)).toHaveLength(2);
    expect(await notificationsOf(owner)).toHaveLength(3);
    expect(mailsTo(borrower.email)).toHaveLength(2);
  });
});

describe("the audit log", () => {
  // Four admin actions on fixed days, by two admins, so filters and pages have known answers.
  const otherAdmin = { id: randomUUID(), name: "Otto" };
  const itemId = randomUUID();
  const at = (day: number) => `2026-03-0${day}T10:00:00.000Z`;
  const records: AuditRecord[] = [];
  const events: DomainEvent[] = [];
  const eventIds: string[] = [];
  let log: SharehoodClient["audit"];
  beforeAll(async () => {
    const me = { id: admin.id, name: "Admin" };
    records.push(
      {
        action: "user.role_changed",
        actor: me,
        subject: { type: "user", id: randomUUID(), label: "Una" },
        reason: null,
        details: { role: "admin" },
        at: at(1),
      },
      {
        action: "item.hidden",
        actor: me,
        subject: { type: "item", id: itemId, label: "Folding ladder" },
        reason: "Listed twice",
        details: { reportId: randomUUID() },
        at: at(2),
      },
      {
        action: "loan.cancelled",
        actor: otherAdmin,
        subject: { type: "loan", id: randomUUID(), label: null },
        reason: "Both asked us to",
        details: {},
        at: at(3),
      },
      {
        action: "item.updated",
        actor: otherAdmin,
        subject: { type: "item", id: itemId, label: "Folding ladder" },
        reason: null,
        details: { fields: "title" },
        at: at(4),
      },
    );
    events.push(...records.map((record, i) => auditRecorded(record, i === 0 ? "user-api" : "inventory-api")));
    eventIds.push(...events.map((event) => event.id));
    // At least once: the stream delivers one twice, and one reaches the handler directly again.
    await stack.publish(...events, events[1]!);
    await stack.notifications.api.handleEvent(events[2]!);
    await eventually(
      async () =>
        (await stack.notifications.api.db.auditEntry.count({ where: { id: { in: eventIds } } })) === 4,
    );
    log = admin.client.audit;
  });

  const window = { from: at(1), to: "2026-03-05T00:00:00.000Z" };
  const idsOf = async (query: Parameters<SharehoodClient["audit"]["list"]>[0]["query"]) =>
    (await log.list({ query: { ...window, ...query } })).items.map((entry) => entry.id);

  it("keeps each admin action once under its event's id, newest first, a page at a time", async () => {
    // Even past the window in which handled events are remembered, a redelivery adds nothing.
    const { api } = stack.notifications;
    await api.db.processedEvent.deleteMany({ where: { eventId: eventIds[2] } });
    await api.handleEvent(events[2]!);
    expect(await api.db.auditEntry.count({ where: { id: { in: eventIds } } })).toBe(4);

    const first = await log.list({ query: { ...window, limit: 3 } });
    expect(first.items.map((entry) => entry.id)).toEqual([eventIds[3], eventIds[2], eventIds[1]]);
    expect(first.items[2]).toEqual({ id: eventIds[1], ...records[1] });
    const second = await log.list({ query: { ...window, limit: 3, cursor: first.nextCursor! } });
    expect(second.items.map((entry) => entry.id)).toEqual([eventIds[0]]);
    expect(second.nextCursor).toBeNull();
  });

  it("filters by admin, action, subject and time", async () => {
    expect(await idsOf({ actorId: otherAdmin.id })).toEqual([eventIds[3], eventIds[2]]);
    expect(await idsOf({ action: "item.hidden" })).toEqual([eventIds[1]]);
    expect(await idsOf({ subjectType: "item", subjectId: itemId })).toEqual([eventIds[3], eventIds[1]]);
    expect(await idsOf({ subjectType: "loan" })).toEqual([eventIds[2]]);
    expect(await idsOf({ from: at(2), to: at(4) })).toEqual([eventIds[2], eventIds[1]]);
    expect(await idsOf({ actorId: admin.id, action: "loan.cancelled" })).toEqual([]);
  });

  it("refuses the log to a plain user (403) and to no one signed in (401); bad queries are 400", async () => {
    const neighbour = await stack.signUp("Nosy");
    const refused = async (client: SharehoodClient) =>
      ((await client.audit.list({ query: {} }).catch((e: unknown) => e)) as ApiError).status;
    expect(await refused(stack.client(neighbour.token))).toBe(403);
    expect(await refused(stack.client())).toBe(401);
    // The admin, unfiltered: the newest entry of all.
    expect((await log.list({ query: { limit: 1 } })).items).toHaveLength(1);
    const auth = { authorization: `Bearer ${admin.token}` };
    for (const query of [
      "action=user.renamed",
      "from=yesterday",
      "cursor=%00",
      "limit=0",
      "subjectType=thread",
    ]) {
      const response = await fetch(`${stack.notifications.url}/admin/audit-log?${query}`, { headers: auth });
      expect(response.status, query).toBe(400);
    }
  });

  it("refuses in the database itself to update, delete or truncate an entry", async () => {
    const { db } = stack.notifications.api;
    const id = eventIds[1]!;
    for (const sql of [
      `UPDATE audit_entries SET reason = 'nothing happened' WHERE id = '${id}'`,
      `DELETE FROM audit_entries WHERE id = '${id}'`,
      "TRUNCATE audit_entries",
    ])
      await expect(db.$executeRawUnsafe(sql), sql).rejects.toThrow(/audit log cannot be changed/);
    expect(await db.auditEntry.findUnique({ where: { id } })).toMatchObject({ reason: "Listed twice" });
    expect(await db.auditEntry.count({ where: { id: { in: eventIds } } })).toBe(4);
  });
});
