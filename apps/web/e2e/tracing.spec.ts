import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { Redis } from "ioredis";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import {
  SPAN_KIND,
  startOtlpReceiver,
  type OtlpReceiver,
  type ReceivedSpan,
} from "./support/otlp-receiver.ts";
import { signIn } from "./support/page-helpers.ts";
import { E2E_REDIS_URL, OTLP_PORT } from "./support/stack.ts";

// One request followed through every service: a request to borrow, sent from the item page's
// borrow form. Listing an item would show the web app, the Inventory API, its validate-token call
// and the SQL, but no notification follows it (no service consumes a new listing); a request to
// borrow shows all that and then the Notification API telling the owner (loan.requested).
//
// The stack exports to OTLP_URL with a sampling ratio of 0 (playwright.config.ts): what is traced is
// what this test asks for, with a sampled `traceparent` on the form's POST, as a tracing proxy in
// front of the web app would send it. So the trace's id is known here, and its root is that span.

let receiver: OtlpReceiver;
test.beforeAll(async () => {
  receiver = await startOtlpReceiver(OTLP_PORT);
});
test.afterAll(async () => {
  await receiver?.close();
});

/** The spans of one trace, with what a test asks of a tree. */
function treeOf(spans: ReceivedSpan[]) {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const ancestors = (span: ReceivedSpan): ReceivedSpan[] => {
    const chain: ReceivedSpan[] = [];
    for (let at = byId.get(span.parentSpanId); at; at = byId.get(at.parentSpanId)) chain.push(at);
    return chain;
  };
  const under = (top: ReceivedSpan | undefined, test: (span: ReceivedSpan) => boolean) =>
    top ? spans.filter((span) => test(span) && ancestors(span).includes(top)) : [];
  return { byId, ancestors, under, parentOf: (span: ReceivedSpan) => byId.get(span.parentSpanId) };
}

/**
 * Empties the Inventory API's cache of validated tokens, as its 30 s expiry would. The pages before
 * the form (the unread messages badge, the hearts) have shown it the session's token already, and
 * without this the request to borrow would be answered from that cache, with no validate-token call
 * to see. The cache lives in Redis under the run's namespace (playwright.config.ts).
 */
async function forgetValidatedTokens(): Promise<void> {
  const redis = new Redis(E2E_REDIS_URL);
  try {
    const keys = await redis.keys(`sharehood-${process.env.E2E_RUN_ID}:inventory-api:vt:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    await redis.quit();
  }
}

const isSql = (span: ReceivedSpan) =>
  typeof (span.attributes["db.query.text"] ?? span.attributes["db.statement"]) === "string";

/** The spans the test looks for, any of them undefined while they have not arrived. */
function findParts(spans: ReceivedSpan[], proxySpanId: string) {
  const tree = treeOf(spans);
  // The web server's span of the form's POST (a server action), a child of the proxy's span.
  const webRequest = spans.find(
    (span) => span.service === "web" && span.kind === SPAN_KIND.server && span.parentSpanId === proxySpanId,
  );
  const route = tree.under(
    webRequest,
    (span) =>
      span.service === "inventory-api" &&
      span.kind === SPAN_KIND.server &&
      span.name === "POST /items/:id/loans",
  )[0];
  const validation = tree.under(
    route,
    (span) =>
      span.service === "user-api" &&
      span.kind === SPAN_KIND.server &&
      span.name === "POST /auth/validate-token",
  )[0];
  const routeSql = tree.under(route, (span) => span.service === "inventory-api" && isSql(span));
  const consumer = tree.under(
    route,
    (span) =>
      span.service === "notification-api" &&
      span.kind === SPAN_KIND.consumer &&
      span.name === "process loan.requested",
  )[0];
  const consumerSql = tree.under(consumer, (span) => span.service === "notification-api" && isSql(span));
  return { tree, webRequest, route, validation, routeSql, consumer, consumerSql };
}

test("a request to borrow is one trace through the web app and the three APIs", async ({ page }) => {
  const owner = await createUser("Tess Owner");
  const borrower = await createUser("Tom Borrower");
  const item = await createItem(owner, { title: `Traced tent ${Date.now().toString(36)}` });

  await signIn(page, borrower.email, borrower.password);
  await page.goto(`/items/${item.id}`);
  await page.getByLabel("From").fill(dateFromToday(10));
  await page.getByLabel("Until").fill(dateFromToday(12));

  const traceId = randomBytes(16).toString("hex");
  const proxySpanId = randomBytes(8).toString("hex");
  await page.route(`**/items/${item.id}`, (route, request) =>
    request.method() === "POST"
      ? route.continue({ headers: { ...request.headers(), traceparent: `00-${traceId}-${proxySpanId}-01` } })
      : route.fallback(),
  );
  await forgetValidatedTokens();
  await page.getByRole("button", { name: "Request to borrow" }).click();
  await expect(page.getByText("Request sent")).toBeVisible();

  // Spans arrive as each service exports them (every 200 ms here); the trace is complete once every
  // part is in and every span's parent has arrived too.
  const spans = await receiver.waitForTrace(
    traceId,
    (spans) => {
      const parts = findParts(spans, proxySpanId);
      return (
        [parts.webRequest, parts.route, parts.validation, parts.consumer].every(Boolean) &&
        parts.routeSql.length > 0 &&
        parts.consumerSql.length > 0 &&
        spans.every((span) => span.parentSpanId === proxySpanId || parts.tree.byId.has(span.parentSpanId))
      );
    },
    30_000,
  );
  expect(receiver.problems()).toEqual([]);
  const { tree, webRequest, route, validation, routeSql, consumer, consumerSql } = findParts(
    spans,
    proxySpanId,
  );

  // The web request: the form's POST to the item page, answered by Next.js under the server's span.
  expect(webRequest?.attributes).toMatchObject({
    "http.request.method": "POST",
    "url.path": `/items/${item.id}`,
  });
  // The Inventory API's route continues the web app's outgoing call (undici's client span).
  expect(tree.parentOf(route!)).toMatchObject({ service: "web", kind: SPAN_KIND.client });
  expect(route?.attributes).toMatchObject({ "http.response.status_code": 201 });
  // Its validate-token call: a client span of the route's, answered by the User API.
  expect(tree.parentOf(validation!)).toMatchObject({ service: "inventory-api", kind: SPAN_KIND.client });
  expect(tree.ancestors(validation!)).toContain(route);
  // The loan written in SQL under the route, and the Notification API's handling of the event
  // that followed, under the Inventory API's publication of it.
  expect(
    routeSql.map((span) => String(span.attributes["db.query.text"] ?? span.attributes["db.statement"])),
  ).toEqual(expect.arrayContaining([expect.stringMatching(/insert/i)]));
  expect(tree.parentOf(consumer!)).toMatchObject({ service: "inventory-api", kind: SPAN_KIND.producer });
  expect(consumerSql.length).toBeGreaterThan(0);
  // One tree: every span hangs from the proxy's span, through parents that are all in the trace.
  for (const span of spans)
    expect(
      span.parentSpanId === proxySpanId || tree.byId.has(span.parentSpanId),
      `${span.service} ${span.name}`,
    ).toBe(true);
});
