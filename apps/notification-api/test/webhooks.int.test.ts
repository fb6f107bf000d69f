import { randomUUID } from "node:crypto";
import { Webhook as StandardWebhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyWebhook } from "@sharehood/sdk";
import type { CreatedWebhook, Page, Webhook, WebhookDelivery, WebhookEvent } from "@sharehood/sdk/contract";
import { metricValue, scrapeMetrics } from "@sharehood/server-kit/testing";
import type { Neighbour } from "@sharehood/test-stack";
import { eventually, loanBetween, loanEvent, type Person } from "./events.ts";
import { mailboxOf } from "./mailbox.ts";
import { startReceiver, type Receiver } from "./receiver.ts";
import { startNotificationStack, type NotificationStack } from "./stack.ts";

// One stack: private targets allowed (the receiver is on 127.0.0.1), fast retries (1 s, then 1 s),
// a 1 s timeout, and an endpoint disabled once it has failed for 1 s with its retries spent. What
// private targets being refused looks like is src/modules/webhooks/webhook-delivery.test.ts's.
let stack: NotificationStack;
let receiver: Receiver;
beforeAll(async () => {
  [stack, receiver] = await Promise.all([
    startNotificationStack("webhooks", {
      WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
      WEBHOOKS_RETRY_SCHEDULE: "1,1",
      WEBHOOKS_TIMEOUT_SECONDS: "1",
      WEBHOOKS_DISABLE_AFTER_SECONDS: "1",
      WEBHOOKS_POLL_SECONDS: "0.5",
    }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await stack.close();
  await receiver.close();
});

const person = (n: Neighbour): Person => ({ id: n.id, name: n.name, email: n.email });

/** A JSON call to the Notification API as `token`: its status and body. */
async function call<T = unknown>(token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${stack.notifications.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function register(who: Neighbour, path: string, events: string[] = ["*"]): Promise<CreatedWebhook> {
  const created = await call<CreatedWebhook>(who.token, "POST", "/webhooks", {
    url: receiver.url(path),
    events,
  });
  expect(created.status).toBe(201);
  return created.body;
}

const deliveries = async (who: Neighbour, webhook: { id: string }) =>
  (await call<Page<WebhookDelivery>>(who.token, "GET", `/webhooks/${webhook.id}/deliveries?limit=100`)).body
    .items;

const feed = async (who: Neighbour, query = "") =>
  (await call<Page<WebhookEvent>>(who.token, "GET", `/events${query}`)).body;

/** Everyone's feed starts with their registration (the User API's event, and the stack's): the loan events after it. */
const loanEvents = (events: WebhookEvent[]) => events.filter((event) => event.type.startsWith("loan."));

describe("webhook endpoints", () => {
  it("registers one with its secret shown once, refuses bad or forbidden URLs, and hides others' endpoints", async () => {
    const [ann, ben] = await Promise.all([stack.signUp("Ann"), stack.signUp("Ben")]);
    const created = await register(ann, "/ann", ["loan.requested", "loan.requested", "loan.approved"]);
    expect(created).toMatchObject({
      url: receiver.url("/ann"),
      events: ["loan.requested", "loan.approved"],
      disabledAt: null,
    });
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const listed = await call<Page<Webhook>>(ann.token, "GET", "/webhooks");
    expect(listed.body.items).toEqual(
      [{ ...created, secret: undefined }].map(({ secret: _, ...rest }) => rest),
    );
    expect(JSON.stringify(listed.body)).not.toContain(created.secret);

    for (const [url, status] of [
      ["https://user:pass@hooks.example.com/x", 400],
      ["ftp://hooks.example.com/x", 400],
      [`https://hooks.example.com/${"x".repeat(2000)}`, 400],
      ["http://169.254.169.254/latest/meta-data", 422],
      ["http://[fd00:ec2::254]/", 422],
      ["http://[fe80::1]/", 422],
    ] as const) {
      const refused = await call<{ code: string }>(ann.token, "POST", "/webhooks", { url, events: ["*"] });
      expect(refused.status, url).toBe(status);
    }
    expect(
      (await call(ann.token, "POST", "/webhooks", { url: receiver.url("/x"), events: ["loan.nope"] })).status,
    ).toBe(400);
    expect((await call(ann.token, "POST", "/webhooks", { url: receiver.url("/x"), events: [] })).status).toBe(
      400,
    );

    // Another person sees none of it, and cannot read, redeliver or delete it: 404, as for none.
    expect((await call<Page<Webhook>>(ben.token, "GET", "/webhooks")).body.items).toEqual([]);
    expect((await call(ben.token, "GET", `/webhooks/${created.id}/deliveries`)).status).toBe(404);
    expect(
      (await call(ben.token, "POST", `/webhooks/${created.id}/deliveries/${randomUUID()}/redeliver`)).status,
    ).toBe(404);
    expect((await call(ben.token, "DELETE", `/webhooks/${created.id}`)).status).toBe(404);
    expect((await call(ben.token, "DELETE", `/webhooks/not-a-uuid`)).status).toBe(404);
    expect((await call(ann.token, "GET", "/webhooks")).body).toMatchObject({ items: [{ id: created.id }] });

    // At most 10 per person.
    for (let i = 1; i < 10; i += 1) await register(ann, `/ann-${i}`);
    expect(
      (await call(ann.token, "POST", "/webhooks", { url: receiver.url("/one-more"), events: ["*"] })).status,
    ).toBe(409);
    expect((await call(ann.token, "DELETE", `/webhooks/${created.id}`)).status).toBe(204);
    expect((await call(ann.token, "GET", `/webhooks/${created.id}/deliveries`)).status).toBe(404);
    expect((await call(ann.token, "GET", "/webhooks")).body).toMatchObject({ items: { length: 9 } });
    expect((await call(ann.token, "GET", "/webhooks")).status).toBe(200);
    expect((await call("not-a-token", "GET", "/webhooks")).status).toBe(401);
  });
});

describe("deliveries", () => {
  it("delivers each event, signed, to the endpoints of the people it concerns, as the feed has it", async () => {
    const [owner, borrower, stranger] = await Promise.all([
      stack.signUp("Owner"),
      stack.signUp("Borrower"),
      stack.signUp("Stranger"),
    ]);
    const ownerHook = await register(owner, "/owner", ["loan.requested"]);
    const borrowerHook = await register(borrower, "/borrower", ["loan.approved"]);
    const strangerHook = await register(stranger, "/stranger");
    const loan = loanBetween(person(owner), person(borrower));
    const requested = loanEvent("loan.requested", loan, borrower.id, { message: "Saturday?" });
    await stack.publish(requested, requested);
    await stack.publish(loanEvent("loan.approved", { ...loan, status: "approved" }, owner.id));

    const [delivery] = await eventually(() =>
      receiver.at("/owner").length ? receiver.at("/owner") : undefined,
    );
    await eventually(() => receiver.at("/borrower").length === 1);
    const { headers, body } = delivery!;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers["user-agent"]).toBe("Sharehood-Webhooks/1");
    expect(headers["webhook-id"]).toBe(requested.id);
    expect(Number(headers["webhook-timestamp"])).toBeCloseTo(Date.now() / 1000, -2);
    // The Standard Webhooks reference library verifies it with the secret shown at registration.
    const verified = new StandardWebhook(ownerHook.secret).verify(body, headers as Record<string, string>);
    expect(verified).toEqual({
      id: requested.id,
      type: "loan.requested",
      timestamp: requested.time,
      data: {
        subject: { type: "loan", id: loan.id },
        actor: { id: borrower.id },
        loan,
        message: "Saturday?",
      },
    });
    expect(() =>
      new StandardWebhook(borrowerHook.secret).verify(body, headers as Record<string, string>),
    ).toThrow();
    // And so does the SDK's helper.
    expect(await verifyWebhook({ payload: body, headers, secret: ownerHook.secret })).toEqual(verified);
    await expect(verifyWebhook({ payload: body, headers, secret: borrowerHook.secret })).rejects.toThrow();

    // The feed serves the same object, once however often the event came.
    const ownerFeed = loanEvents((await feed(owner)).items);
    expect(ownerFeed[0]).toEqual(verified);
    expect(ownerFeed.map((event) => event.type)).toEqual(["loan.requested", "loan.approved"]);
    const borrowerFeed = loanEvents((await feed(borrower)).items);
    expect(borrowerFeed.map((event) => event.type)).toEqual(["loan.requested", "loan.approved"]);
    expect(JSON.parse(receiver.at("/borrower")[0]!.body)).toEqual(borrowerFeed[1]);
    expect(loanEvents((await feed(stranger)).items)).toEqual([]);

    const [logged] = await deliveries(owner, ownerHook);
    expect(logged).toMatchObject({
      eventId: requested.id,
      eventType: "loan.requested",
      status: "succeeded",
      attempt: 1,
      responseStatus: 200,
      error: null,
      nextAttemptAt: null,
    });
    expect(logged!.latencyMs).toBeGreaterThanOrEqual(0);

    // A redelivery sends it again, signed afresh, with the same id.
    const again = await call<WebhookDelivery>(
      owner.token,
      "POST",
      `/webhooks/${ownerHook.id}/deliveries/${logged!.id}/redeliver`,
    );
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id: logged!.id, status: "pending" });
    await eventually(() => receiver.at("/owner").length === 2);
    expect(receiver.at("/owner")[1]!.headers["webhook-id"]).toBe(requested.id);
    await eventually(async () => (await deliveries(owner, ownerHook))[0]?.attempt === 2);

    // Nobody else's events reached the stranger's endpoint; only the types chosen reached the others.
    const typesAt = (path: string) => receiver.at(path).map((r) => (JSON.parse(r.body) as WebhookEvent).type);
    expect(typesAt("/stranger").filter((type) => type.startsWith("loan."))).toEqual([]);
    expect(typesAt("/borrower")).toEqual(["loan.approved"]);
    expect((await deliveries(stranger, strangerHook)).every((d) => d.eventType === "user.registered")).toBe(
      true,
    );
  });

  it("retries after 500s and after a timeout, and disables an endpoint that keeps failing, emailing its owner", async () => {
    const owner = await stack.signUp("Flaky owner");
    const borrower = await stack.signUp("Flaky borrower");
    const counts = async () => {
      const text = await scrapeMetrics(stack.notifications.url);
      return {
        succeeded: metricValue(text, "webhook_deliveries_total", { outcome: "succeeded" }) ?? 0,
        failed: metricValue(text, "webhook_deliveries_total", { outcome: "failed" }) ?? 0,
        disabled: metricValue(text, "webhook_endpoints_disabled_total") ?? 0,
      };
    };
    const before = await counts();
    receiver.on("/flaky", (n) => ({ status: n <= 2 ? 500 : 204 }));
    receiver.on("/slow", (n) => (n === 1 ? "hang" : { status: 200 }));
    receiver.on("/moved", () => ({ status: 302, headers: { location: "/elsewhere" } }));
    const flaky = await register(owner, "/flaky");
    const slow = await register(owner, "/slow");
    const moved = await register(owner, "/moved");
    const loan = loanBetween(person(owner), person(borrower));
    await stack.publish(loanEvent("loan.requested", loan, borrower.id));

    await eventually(async () => (await deliveries(owner, flaky))[0]?.status === "succeeded");
    expect((await deliveries(owner, flaky))[0]).toMatchObject({ attempt: 3, responseStatus: 204 });
    expect(receiver.at("/flaky").map((r) => r.headers["webhook-id"])).toEqual(
      Array(3).fill(receiver.at("/flaky")[0]!.headers["webhook-id"]),
    );

    await eventually(async () => (await deliveries(owner, slow))[0]?.status === "succeeded");
    expect((await deliveries(owner, slow))[0]).toMatchObject({ attempt: 2, responseStatus: 200 });

    // A redirect is a failure, never followed; after the last retry the endpoint is disabled.
    await eventually(async () => (await deliveries(owner, moved))[0]?.status === "failed");
    expect((await deliveries(owner, moved))[0]).toMatchObject({ attempt: 3, responseStatus: 302 });
    expect(receiver.at("/moved")).toHaveLength(3);
    expect(receiver.at("/elsewhere")).toHaveLength(0);
    const hooks = (await call<Page<Webhook>>(owner.token, "GET", "/webhooks")).body.items;
    const disabled = hooks.find((hook) => hook.id === moved.id)!;
    expect(disabled.disabledAt).not.toBeNull();
    expect(disabled.disabledReason).toContain("302");
    expect(hooks.filter((hook) => hook.disabledAt)).toHaveLength(1);
    // On /metrics: at least these attempts (2 + 1 + 3 failed, 2 succeeded), and one endpoint disabled.
    const after = await counts();
    expect(after.failed - before.failed).toBeGreaterThanOrEqual(6);
    expect(after.succeeded - before.succeeded).toBeGreaterThanOrEqual(2);
    expect(after.disabled - before.disabled).toBe(1);
    const { mailsTo } = mailboxOf(() => stack);
    const mail = await eventually(() =>
      mailsTo(owner.email).find((m) => m.subject === "Your Sharehood webhook was turned off"),
    );
    expect(mail.text).toContain(receiver.url("/moved"));
    // Nothing more goes to it, and it cannot be redelivered to.
    await stack.publish(loanEvent("loan.cancelled", loan, borrower.id));
    await eventually(async () => (await deliveries(owner, flaky)).length === 2);
    expect(await deliveries(owner, moved)).toHaveLength(1);
    const [failed] = await deliveries(owner, moved);
    expect(
      (await call(owner.token, "POST", `/webhooks/${moved.id}/deliveries/${failed!.id}/redeliver`)).status,
    ).toBe(409);
  });

  it("sends an endpoint its events in the feed's order, each once, across a restart of the sender", async () => {
    const [owner, borrower] = await Promise.all([stack.signUp("Busy owner"), stack.signUp("Busy borrower")]);
    const hook = await register(owner, "/ordered");
    const events = Array.from({ length: 20 }, () =>
      loanEvent("loan.requested", loanBetween(person(owner), person(borrower)), borrower.id),
    );
    await stack.publish(...events.slice(0, 10));
    await eventually(() => receiver.at("/ordered").length >= 3);
    await stack.notifications.stop();
    await stack.publish(...events.slice(10));
    await stack.notifications.start();

    const ids = () => receiver.at("/ordered").map((r) => r.headers["webhook-id"]);
    await eventually(() => events.every((event) => ids().includes(event.id)), 45_000);
    const all: WebhookEvent[] = [];
    for (let page = await feed(owner, "?limit=100"); page.items.length > 0;) {
      all.push(...page.items);
      page = await feed(owner, `?limit=100&cursor=${page.nextCursor}`);
    }
    const received = ids();
    // Each once, in the feed's order (a registration handled after the endpoint's may come first).
    expect(new Set(received).size).toBe(received.length);
    expect(received).toEqual(all.map((event) => event.id).filter((id) => received.includes(id)));
    expect(received.slice(-20)).toEqual(loanEvents(all).map((event) => event.id));
    expect(new Set(received.slice(-20))).toEqual(new Set(events.map((event) => event.id)));
    expect((await deliveries(owner, hook)).every((d) => d.status === "succeeded")).toBe(true);
  }, 60_000);
});

describe("the events feed", () => {
  it("pages the caller's events oldest first, and forgets them after 30 days", async () => {
    const [owner, borrower] = await Promise.all([stack.signUp("Feed owner"), stack.signUp("Feed borrower")]);
    const events = Array.from({ length: 5 }, () =>
      loanEvent("loan.requested", loanBetween(person(owner), person(borrower)), borrower.id),
    );
    for (const event of events) await stack.publish(event);
    await eventually(async () => loanEvents((await feed(owner, "?limit=100")).items).length === 5);
    const whole = (await feed(owner, "?limit=100")).items;

    const seen: WebhookEvent[] = [];
    let page = await feed(owner, "?limit=2");
    while (page.items.length > 0) {
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      expect(page.nextCursor).not.toBeNull();
      page = await feed(owner, `?limit=2&cursor=${page.nextCursor}`);
    }
    expect(page.nextCursor).toBeNull();
    expect(seen).toEqual(whole);
    expect(loanEvents(seen).map((event) => event.id)).toEqual(events.map((event) => event.id));
    expect((await call(owner.token, "GET", "/events?cursor=forged")).status).toBe(400);
    expect((await call(owner.token, "GET", "/events?limit=101")).status).toBe(400);

    // Two entries age past 30 days; the upkeep forgets them, and only them.
    const db = stack.notifications.api.db;
    await db.$executeRaw`
      UPDATE feed_events SET created_at = now() - interval '31 days'
      WHERE user_id = ${owner.id} AND event_id IN (${events[0]!.id}::uuid, ${events[1]!.id}::uuid)`;
    await stack.notifications.api.webhookUpkeep();
    expect(loanEvents((await feed(owner, "?limit=100")).items).map((event) => event.id)).toEqual(
      events.slice(2).map((event) => event.id),
    );
    expect(loanEvents((await feed(borrower, "?limit=100")).items)).toHaveLength(5);
  });
});
