import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_DEFAULTS } from "@sharehood/sdk/contract";
import { ApiError } from "@sharehood/sdk";
import { metricValue, scrapeMetrics } from "@sharehood/server-kit/testing";
import type { Neighbour } from "@sharehood/test-stack";
import { EMAIL_QUEUE } from "../src/modules/email/email-queue.ts";
import { accountEvent, eventually, loanBetween, loanEvent, type Person } from "./events.ts";
import { header, mailboxOf, OURS } from "./mailbox.ts";
import { startNotificationStack, WEB_URL, type NotificationStack } from "./stack.ts";

let stack: NotificationStack;
let alice: Neighbour;
let bob: Neighbour;
beforeAll(async () => {
  stack = await startNotificationStack("email");
  [alice, bob] = await Promise.all([stack.signUp("Alice"), stack.signUp("Bob")]);
});
afterAll(() => stack.close());

const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });

const { mailsTo, nthEmailTo, settle } = mailboxOf(() => stack);

describe("loan emails", () => {
  it("emails the owner about a new request: sender, recipient, subject, links, HTML and text", async () => {
    const counts = async () => {
      const text = await scrapeMetrics(stack.notifications.url);
      return [
        metricValue(text, "notifications_created_total", { type: "loan.requested" }) ?? 0,
        metricValue(text, "emails_total", { kind: "loan.requested", outcome: "sent" }) ?? 0,
      ];
    };
    const [notified, emailed] = await counts();
    const loan = loanBetween(person(alice), person(bob));
    await stack.publish(
      loanEvent("loan.requested", loan, bob.id, { message: "Could I have it for the weekend?" }),
    );

    const mail = await nthEmailTo(alice.email);
    expect(mail.from?.value[0]).toEqual({ name: "Sharehood", address: "no-reply@sharehood.test" });
    expect(mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address).toBe(alice.email);
    expect(mail.subject).toBe("New request for Cordless drill");
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@sharehood\.test>$/);
    const page = `${WEB_URL}/loans/${loan.id}`;
    expect(mail.html).toContain(`href="${page}"`);
    expect(mail.text).toContain(page);
    expect(mail.html).toContain(`href="${WEB_URL}/profile/notifications"`);
    expect(mail.text).toContain(
      "Bob would like to borrow Cordless drill from Thu, 10 Dec 2026 to Sat, 12 Dec 2026.",
    );
    expect(mail.text).toContain("Could I have it for the weekend?");
    const unsubscribe = header(mail, "List-Unsubscribe");
    expect(unsubscribe).toMatch(new RegExp(`^<${stack.notifications.url}/unsubscribe\\?token=[\\w.-]+>$`));
    expect(header(mail, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
    // The link people click opens the web app's page (which asks first), with the same token.
    const token = /token=([\w.-]+)/.exec(unsubscribe ?? "")?.[1];
    expect(mail.html).toContain(`href="${WEB_URL}/unsubscribe?token=${token}"`);
    expect(mail.text).toContain(`${WEB_URL}/unsubscribe?token=${token}`);
    // The borrower made the request: nobody is told of their own action.
    await settle();
    expect(mailsTo(bob.email)).toHaveLength(0);
    // On /metrics: one notification created (the owner's) and one email sent, by type and kind.
    expect(await counts()).toEqual([notified! + 1, emailed! + 1]);
  });

  it("switches the kind off by one-click unsubscribe, after which no email of that kind comes", async () => {
    const loan = loanBetween(person(bob), person(alice));
    await stack.publish(loanEvent("loan.requested", loan, alice.id));
    const mail = await nthEmailTo(bob.email);
    const url = /^<(.+)>$/.exec(header(mail, "List-Unsubscribe") ?? "")?.[1] ?? "";

    // What a mail program sends (RFC 8058): a form POST to the link, the body saying only that.
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ kind: "loan.requested", email: false });
    const preferences = await stack.client(bob.token).notifications.getPreferences({});
    expect(preferences.kinds["loan.requested"]).toEqual({ email: false });

    const next = loanBetween(person(bob), person(alice));
    await stack.publish(loanEvent("loan.requested", next, alice.id));
    await settle();
    expect(mailsTo(bob.email)).toHaveLength(1);
    // The in-app notification still comes: only the email was switched off.
    const { items } = await stack.client(bob.token).notifications.list({ query: {} });
    expect(items.filter((n) => n.url === `/loans/${next.id}`)).toHaveLength(1);
  });

  it("refuses an unsubscribe link that this service did not sign", async () => {
    const response = await fetch(`${stack.notifications.url}/unsubscribe?token=forged.token`);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("sends a duplicated event's email once, with one notification", async () => {
    const carol = await stack.signUp("Carol");
    const loan = loanBetween(person(carol), person(alice));
    const event = loanEvent("loan.requested", loan, alice.id);
    await stack.publish(event, event);
    await stack.publish(event);
    await nthEmailTo(carol.email);
    await settle();
    expect(mailsTo(carol.email)).toHaveLength(1);
    const { items } = await stack.client(carol.token).notifications.list({ query: {} });
    expect(items).toHaveLength(1);
  });
});

describe("preferences", () => {
  it("answers the defaults, changes only the kinds named, and emails per the setting", async () => {
    const dana = await stack.signUp("Dana");
    const client = stack.client(dana.token);
    const defaults = await client.notifications.getPreferences({});
    expect(defaults.kinds).toEqual(
      Object.fromEntries(Object.entries(EMAIL_DEFAULTS).map(([kind, email]) => [kind, { email }])),
    );

    const updated = await client.notifications.updatePreferences({
      body: { kinds: { "loan.approved": { email: false }, "loan.returned": { email: true } } },
    });
    expect(updated.kinds["loan.approved"]).toEqual({ email: false });
    expect(updated.kinds["loan.returned"]).toEqual({ email: true });
    expect(updated.kinds["loan.requested"]).toEqual({ email: true });
    expect(await client.notifications.getPreferences({})).toEqual(updated);

    const loan = loanBetween(person(alice), person(dana));
    await stack.publish(
      loanEvent("loan.approved", loan, alice.id),
      loanEvent("loan.returned", loan, alice.id),
    );
    const mail = await nthEmailTo(dana.email);
    await settle();
    expect(mailsTo(dana.email)).toHaveLength(1);
    expect(mail.subject).toBe("You can review your loan of Cordless drill");
    expect(mail.text).toContain(`${WEB_URL}/loans/${loan.id}#review`);
  });

  it("refuses an unknown kind", async () => {
    const error = await stack
      .client(alice.token)
      .notifications.updatePreferences({ body: { kinds: { "loan.nope": { email: true } } } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
  });
});

describe("account emails", () => {
  it("sends the verification and reset links to the pages that take their token, without unsubscribe", async () => {
    const erin = await stack.signUp("Erin");
    await stack.publish(
      accountEvent("account.verification_requested", person(erin), `${OURS}verify-0123456789`),
    );
    await stack.publish(
      accountEvent("account.password_reset_requested", person(erin), "reset-token-0123456789"),
    );
    const verify = await nthEmailTo(erin.email, 1);
    const reset = await nthEmailTo(erin.email, 2);
    const bySubject = Object.fromEntries([verify, reset].map((mail) => [mail.subject, mail]));

    const links = {
      "Confirm your email address": `${WEB_URL}/verify-email?token=${OURS}verify-0123456789`,
      "Reset your Sharehood password": `${WEB_URL}/reset-password?token=reset-token-0123456789`,
    };
    for (const [subject, link] of Object.entries(links)) {
      const mail = bySubject[subject];
      expect(mail, subject).toBeDefined();
      expect(mail?.html).toContain(`href="${link}"`);
      expect(mail?.text).toContain(link);
      expect(mail && header(mail, "List-Unsubscribe")).toBeUndefined();
    }
  });

  it("tells the old address of an email change, and the account of a password change", async () => {
    const finn = await stack.signUp("Finn");
    const newEmail = `new-${finn.email}`;
    await stack.publish({
      id: crypto.randomUUID(),
      version: 1,
      time: new Date().toISOString(),
      source: "user-api",
      actor: { id: finn.id },
      audience: [finn.id],
      subject: { type: "user", id: finn.id },
      type: "user.email_changed",
      payload: { user: { id: finn.id, name: finn.name, email: newEmail }, previousEmail: finn.email },
    });
    const notice = await nthEmailTo(finn.email);
    expect(notice.subject).toBe("Your Sharehood sign-in address was changed");
    expect(notice.text).toContain(newEmail);
    expect(notice.text).toContain(`${WEB_URL}/forgot-password`);

    await stack.publish({
      id: crypto.randomUUID(),
      version: 1,
      time: new Date().toISOString(),
      source: "user-api",
      actor: { id: finn.id },
      audience: [finn.id],
      subject: { type: "user", id: finn.id },
      type: "user.password_changed",
      payload: { user: { id: finn.id, name: finn.name, email: newEmail } },
    });
    const changed = await nthEmailTo(newEmail);
    expect(changed.subject).toBe("Your Sharehood password was changed");
    expect(header(changed, "List-Unsubscribe")).toBeUndefined();
  });
});

describe("delivery", () => {
  it("never sends an email twice, even when its job runs again (as after a crash before the job was marked done)", async () => {
    const hana = await stack.signUp("Hana");
    const loan = loanBetween(person(hana), person(alice));
    await stack.publish(loanEvent("loan.requested", loan, alice.id));
    await nthEmailTo(hana.email);
    const { key } = await stack.notifications.api.db.email.findFirstOrThrow({
      where: { userId: hana.id, kind: "loan.requested" },
    });
    const boss = new PgBoss({
      connectionString: stack.databaseUrl,
      max: 1,
      schedule: false,
      supervise: false,
    });
    await boss.start();
    await boss.send(EMAIL_QUEUE, { key });
    await boss.stop({ graceful: false, wait: true });
    await settle();
    expect(mailsTo(hana.email)).toHaveLength(1);
  });

  it("keeps an email while the SMTP server is down and delivers it once when it is back", async () => {
    const gus = await stack.signUp("Gus");
    await stack.smtp.stop();
    const loan = loanBetween(person(gus), person(alice));
    await stack.publish(loanEvent("loan.requested", loan, alice.id));
    const { db } = stack.notifications.api;
    // At least one attempt failed against the dead server.
    await eventually(() =>
      db.email.findFirst({
        where: { userId: gus.id, kind: "loan.requested", lastError: { not: null }, sentAt: null },
      }),
    );
    await stack.smtp.start();
    await nthEmailTo(gus.email);
    await settle();
    expect(mailsTo(gus.email)).toHaveLength(1);
    const row = await db.email.findFirstOrThrow({ where: { userId: gus.id, kind: "loan.requested" } });
    expect(row.sentAt).not.toBeNull();
    expect(row.attempts).toBeGreaterThanOrEqual(2);
  });
});
