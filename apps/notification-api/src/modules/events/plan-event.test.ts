import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { DomainEvent, LoanDomainEventType, EventLoan } from "@sharehood/sdk/contract";
import { planEvent } from "./plan-event.ts";

const OWNER = "owner-1";
const BORROWER = "borrower-1";
const ADMIN = "admin-1";
const loan: EventLoan = {
  id: "loan-1",
  item: { id: "item-1", title: "Tent" },
  ownerId: OWNER,
  borrowerId: BORROWER,
  borrowerName: "Bea",
  startDate: "2026-12-10",
  endDate: "2026-12-12",
  status: "approved",
};

function loanEvent(
  type: Exclude<LoanDomainEventType, `loan.extension_${string}`>,
  actor: string | null,
  audience = [OWNER, BORROWER],
): DomainEvent {
  return {
    id: randomUUID(),
    version: 1,
    time: new Date().toISOString(),
    source: "inventory-api",
    actor: actor ? { id: actor } : null,
    audience,
    subject: { type: "loan", id: loan.id },
    type,
    payload: { loan },
  };
}

const told = (event: DomainEvent) =>
  planEvent(event)
    .notifications.map((n) => n.userId)
    .sort();

describe("who is told of a loan event", () => {
  it("tells the owner of a request, and the borrower of the owner's answers", () => {
    expect(told(loanEvent("loan.requested", BORROWER))).toEqual([OWNER]);
    for (const type of ["loan.approved", "loan.declined", "loan.handed_over"] as const)
      expect(told(loanEvent(type, OWNER)), type).toEqual([BORROWER]);
  });

  it("invites both sides to review a returned loan, the owner who confirmed it included", () => {
    const plan = planEvent(loanEvent("loan.returned", OWNER));
    expect(plan.notifications.map((n) => [n.userId, n.title, n.url]).sort()).toEqual([
      [BORROWER, "You can review your loan of Tent", "/loans/loan-1#review"],
      [OWNER, "You can review your loan of Tent", "/loans/loan-1#review"],
    ]);
    expect(plan.emails.map((e) => e.content)).toEqual([
      expect.objectContaining({ kind: "loan.returned", path: "/loans/loan-1#review" }),
      expect.objectContaining({ kind: "loan.returned", path: "/loans/loan-1#review" }),
    ]);
    expect(told(loanEvent("loan.returned", OWNER, [BORROWER]))).toEqual([BORROWER]);
  });

  it("tells the other party of a cancellation, and both when an admin cancelled", () => {
    expect(told(loanEvent("loan.cancelled", BORROWER))).toEqual([OWNER]);
    expect(told(loanEvent("loan.cancelled", OWNER))).toEqual([BORROWER]);
    expect(told(loanEvent("loan.cancelled", ADMIN))).toEqual([BORROWER, OWNER]);
  });

  it("sends reminders to the audience the producer named", () => {
    expect(told(loanEvent("loan.due_soon", null, [BORROWER]))).toEqual([BORROWER]);
    expect(told(loanEvent("loan.overdue", null))).toEqual([BORROWER, OWNER]);
    expect(told(loanEvent("loan.request_waiting", null, [OWNER]))).toEqual([OWNER]);
  });

  it("never tells someone outside the audience, nor the actor of their own action", () => {
    expect(told(loanEvent("loan.requested", BORROWER, [BORROWER]))).toEqual([]);
    expect(told(loanEvent("loan.overdue", OWNER))).toEqual([BORROWER]);
  });

  it("links each notification to the loan's page, with words for the reader's side", () => {
    const [owner] = planEvent(loanEvent("loan.requested", BORROWER)).notifications;
    expect(owner).toMatchObject({
      url: "/loans/loan-1",
      title: "New request for Tent",
      body: "Bea would like to borrow Tent from Thu, 10 Dec 2026 to Sat, 12 Dec 2026.",
    });
  });
});

describe("who is told of an extension", () => {
  const extension = (type: `loan.extension_${"requested" | "approved" | "declined"}`, actor: string) =>
    planEvent({
      ...loanEvent("loan.approved", actor),
      type,
      payload: { loan, extension: { id: "ext-1", previousEndDate: "2026-12-12", endDate: "2026-12-15" } },
    });

  it("tells the owner of a request, with both end dates and a link to the loan", () => {
    const plan = extension("loan.extension_requested", BORROWER);
    expect(plan.notifications.map((n) => [n.userId, n.title, n.body, n.url])).toEqual([
      [
        OWNER,
        "Bea asks to keep Tent longer",
        "Bea would like to keep Tent until Tue, 15 Dec 2026 instead of Sat, 12 Dec 2026. You can approve or decline it on the loan's page.",
        "/loans/loan-1",
      ],
    ]);
    expect(plan.emails.map((e) => [e.userId, e.content])).toEqual([
      [OWNER, expect.objectContaining({ kind: "loan.extension_requested", path: "/loans/loan-1" })],
    ]);
  });

  it("tells the borrower of the owner's answer", () => {
    expect(extension("loan.extension_approved", OWNER).notifications.map((n) => [n.userId, n.title])).toEqual(
      [[BORROWER, "Extension approved: Tent"]],
    );
    expect(extension("loan.extension_declined", OWNER).emails.map((e) => [e.userId, e.content])).toEqual([
      [BORROWER, expect.objectContaining({ kind: "loan.extension_declined" })],
    ]);
  });
});

describe("what the User API's events mean here", () => {
  const user = { id: "u-1", name: "Ute", email: "ute@example.com" };
  const userEvent = (type: string, payload: unknown) =>
    ({
      id: randomUUID(),
      version: 1,
      time: new Date().toISOString(),
      source: "user-api",
      actor: { id: user.id },
      audience: [user.id],
      subject: { type: "user", id: user.id },
      type,
      payload,
    }) as DomainEvent;

  it("keeps the copy of a person current from registrations and renames", () => {
    for (const type of ["user.registered", "account.renamed"])
      expect(planEvent(userEvent(type, { user })).remember, type).toEqual([user]);
  });

  it("tells the old address of an email change, and forgets a deleted person", () => {
    const changed = planEvent(userEvent("user.email_changed", { user, previousEmail: "old@example.com" }));
    expect(changed.accountEmails[0]?.to.address).toBe("old@example.com");
    expect(planEvent(userEvent("user.deleted", { user: { id: user.id } })).forget).toBe(user.id);
  });
});

describe("what conversation events mean here", () => {
  const ASKER = "asker-1";
  const conversationId = "conversation-1";
  const envelope = (actor: string, audience: string[]) => ({
    id: randomUUID(),
    version: 1 as const,
    time: new Date().toISOString(),
    source: "inventory-api" as const,
    actor: { id: actor },
    audience,
    subject: { type: "conversation" as const, id: conversationId },
  });
  const message = {
    id: "message-1",
    seq: 3,
    authorId: ASKER,
    authorName: "Asa",
    body: "Is it free on Saturday?",
    createdAt: "2026-12-01T20:00:00.000Z",
  };
  const messageEvent: DomainEvent = {
    ...envelope(ASKER, [OWNER]),
    type: "message.created",
    payload: {
      conversation: { id: conversationId, item: { id: "item-1", title: "Tent" }, loanId: null },
      message,
    },
  };

  it("creates no notification for a message, but streams it to its recipient and keeps it for the email check", () => {
    const plan = planEvent(messageEvent);
    expect(plan.notifications).toEqual([]);
    expect(plan.emails).toEqual([]);
    expect(plan.live).toEqual([
      {
        userId: OWNER,
        key: messageEvent.id,
        event: {
          event: "message",
          data: {
            conversationId,
            item: { id: "item-1", title: "Tent" },
            message: {
              id: "message-1",
              conversationId,
              authorId: ASKER,
              body: message.body,
              createdAt: message.createdAt,
              seen: false,
            },
          },
        },
      },
    ]);
    expect(plan.unreadMessages).toEqual([
      {
        userId: OWNER,
        conversationId,
        seq: 3,
        messageId: "message-1",
        authorName: "Asa",
        itemTitle: "Tent",
        body: message.body,
        createdAt: new Date(message.createdAt),
      },
    ]);
  });

  it("never streams or emails a message to its author, even if named in the audience", () => {
    const plan = planEvent({ ...messageEvent, audience: [ASKER, OWNER] });
    expect(plan.live.map((l) => l.userId)).toEqual([OWNER]);
    expect(plan.unreadMessages.map((m) => m.userId)).toEqual([OWNER]);
  });

  it("takes a message as its author having read the thread up to it", () => {
    expect(planEvent(messageEvent).readMarks).toEqual([{ userId: ASKER, conversationId, readSeq: 3 }]);
  });

  it("tells both participants of a read thread, and moves the reader's mark", () => {
    const plan = planEvent({
      ...envelope(OWNER, [OWNER, ASKER]),
      type: "conversation.read",
      payload: { conversationId, readerId: OWNER, readSeq: 3, otherId: ASKER },
    });
    expect(plan.notifications).toEqual([]);
    expect(plan.readMarks).toEqual([{ userId: OWNER, conversationId, readSeq: 3 }]);
    expect(plan.live.map((l) => [l.userId, l.event])).toEqual([
      [OWNER, { event: "conversation-read", data: { conversationId, readerId: OWNER } }],
      [ASKER, { event: "conversation-read", data: { conversationId, readerId: OWNER } }],
    ]);
  });
});

describe("what trust and moderation events mean here", () => {
  const STRANGER = "stranger-1";
  const envelope = (actor: string | null, audience: string[], subject: DomainEvent["subject"]) => ({
    id: randomUUID(),
    version: 1 as const,
    time: new Date().toISOString(),
    source: "inventory-api" as const,
    actor: actor ? { id: actor } : null,
    audience,
    subject,
  });
  const item = { id: "item-1", title: "Tent" };
  const revealed = (audience: string[], reviews: { authorId: string; subjectId: string }[]): DomainEvent => ({
    ...envelope(OWNER, audience, { type: "loan", id: loan.id }),
    type: "review.revealed",
    payload: { loan: { id: loan.id, item }, reviews: reviews.map((r, i) => ({ id: `review-${i}`, ...r })) },
  });
  const resolved = (action: "dismiss" | "hide_item" | "suspend_user"): DomainEvent => ({
    ...envelope(ADMIN, [STRANGER], { type: "report", id: "report-1" }),
    type: "report.resolved",
    payload: {
      report: { id: "report-1", subjectType: "user", subjectId: OWNER, reason: "harassment" },
      action,
    },
  });
  const both = [
    { authorId: OWNER, subjectId: BORROWER },
    { authorId: BORROWER, subjectId: OWNER },
  ];

  it("tells both sides that their reviews are visible, each sent to their own profile, and nobody else", () => {
    const plan = planEvent(revealed([OWNER, BORROWER, STRANGER], both));
    expect(plan.notifications.map((n) => [n.userId, n.type, n.title, n.url])).toEqual([
      [OWNER, "review.revealed", "Your reviews for Tent are visible", `/people/${OWNER}`],
      [BORROWER, "review.revealed", "Your reviews for Tent are visible", `/people/${BORROWER}`],
    ]);
    expect(plan.emails.map((e) => [e.userId, "kind" in e.content && e.content.kind])).toEqual([
      [OWNER, "review.revealed"],
      [BORROWER, "review.revealed"],
    ]);
    // The window closed with one review: its subject and its author read what concerns them.
    const one = planEvent(revealed([OWNER, BORROWER], [both[0]!])).notifications;
    expect(one.map((n) => [n.userId, n.body])).toEqual([
      [OWNER, "Your review for your loan of Tent is now public. The other side did not write one in time."],
      [BORROWER, "The review you received for your loan of Tent is now public, on your profile."],
    ]);
  });

  it("tells the owner of a hidden item why, linking to the item they can still open", () => {
    const plan = planEvent({
      ...envelope(ADMIN, [OWNER], { type: "item", id: item.id }),
      type: "item.hidden",
      payload: { item, reason: "Weapons are not allowed." },
    });
    expect(plan.notifications).toEqual([
      expect.objectContaining({
        userId: OWNER,
        type: "item.hidden",
        title: "Tent was hidden by moderators",
        url: "/listings",
        body: expect.stringContaining("Weapons are not allowed.") as unknown,
      }),
    ]);
    expect(plan.emails).toEqual([
      { userId: OWNER, content: expect.objectContaining({ template: "notice", kind: "item.hidden" }) },
    ]);
  });

  it("thanks the reporter, saying whether action was taken but never what or against whom", () => {
    const bodies = (["hide_item", "suspend_user", "dismiss"] as const).map((action) => {
      const [notification, ...others] = planEvent(resolved(action)).notifications;
      expect(others).toEqual([]);
      expect(notification).toMatchObject({
        userId: STRANGER,
        title: "Thanks — your report was handled",
        url: "/",
      });
      return notification!.body;
    });
    expect(bodies[0]).toContain("we took action");
    expect(bodies[1]).toBe(bodies[0]);
    expect(bodies[2]).toContain("We looked into your report");
    expect(bodies[2]).not.toContain("action");
    for (const body of bodies) expect(body).not.toMatch(/owner-1|suspend|hid/);
  });

  it("emails a suspended person always, and creates no notification they could not read", () => {
    const plan = planEvent({
      ...envelope(ADMIN, [OWNER], { type: "user", id: OWNER }),
      source: "user-api",
      type: "user.suspended",
      payload: { user: { id: OWNER } },
    });
    expect(plan.notifications).toEqual([]);
    expect(plan.emails).toEqual([{ userId: OWNER, content: { template: "account-suspended" } }]);
  });

  it("takes an audit record into the log under the event's id, and tells nobody", () => {
    const record = {
      action: "item.hidden" as const,
      actor: { id: ADMIN, name: "Ada" },
      subject: { type: "item" as const, id: item.id, label: item.title },
      reason: "Weapons are not allowed.",
      details: { reportId: "report-1" },
      at: "2026-12-01T20:00:00.000Z",
    };
    const event: DomainEvent = {
      ...envelope(ADMIN, [], { type: "item", id: item.id }),
      type: "audit.recorded",
      payload: record,
    };
    const plan = planEvent(event);
    expect(plan.audit).toEqual({ id: event.id, ...record });
    expect([plan.notifications, plan.emails, plan.live]).toEqual([[], [], []]);
  });
});
