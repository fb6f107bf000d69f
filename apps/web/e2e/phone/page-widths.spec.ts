import { expect, test, type Page } from "@playwright/test";
import { addPhoto, createItem, createUser, dateFromToday } from "../support/api.ts";
import { expectNoSeriousA11yViolations, signInByForm } from "../support/page-helpers.ts";
import { ADMIN } from "../support/stack.ts";

// Every page at 320 px, signed out, signed in and as an admin, with the longest names, titles and
// messages people can type: the document is never wider than the screen (nothing scrolls
// sideways), and axe-core finds nothing serious. 320 px is the narrowest phone in use: a page that
// fits it fits wider ones (the layout changes first at 640 px), and the phone project's flows run
// at 390 px.

const WIDTH = 320;
// Words with no place to break: a pasted link, a long compound name.
const LONG_NAME = "Maximiliana Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh";
const LONG_TITLE = `Extraordinarilylongunbrokenwordthatneverendsandkeepsgoingon cordless hammer drill ${Date.now().toString(36)}`;
const LONG_MESSAGE = `Please${"verylong".repeat(20)}message https://example.com/${"path/".repeat(20)} thanks!`;

interface Route {
  path: string;
  status?: number;
}

async function expectFits(page: Page, route: Route): Promise<void> {
  const response = await page.goto(route.path);
  expect(response?.status(), route.path).toBe(route.status ?? 200);
  await expect(page.locator("h1").first()).toBeVisible();
  const documentWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(
    documentWidth,
    `${route.path} is ${documentWidth} px wide on a ${WIDTH} px screen`,
  ).toBeLessThanOrEqual(WIDTH);
  await expectNoSeriousA11yViolations(page);
}

async function expectAllFit(page: Page, routes: Route[]): Promise<void> {
  await page.setViewportSize({ width: WIDTH, height: 800 });
  for (const route of routes) await expectFits(page, route);
}

test.describe("every page fits a phone's width", () => {
  // The three visitors side by side when there are two workers (each worker sets up its own data).
  test.describe.configure({ mode: "parallel", timeout: 180_000 });
  const ids = { item: "", othersItem: "", loan: "", thread: "", borrower: "" };
  let owner: Awaited<ReturnType<typeof createUser>>;

  test.beforeAll(async () => {
    owner = await createUser(LONG_NAME);
    const borrower = await createUser("Bartholomew Supercalifragilisticexpialidocious Borrower");
    const item = await createItem(owner, {
      title: LONG_TITLE,
      description: `${"A".repeat(400)} ${LONG_MESSAGE}`,
      location: "Somewhere-On-A-Very-Long-Street-Name-Without-Spaces-At-All 12",
    });
    await addPhoto(owner, item, { width: 1600, height: 900, background: "#a52", name: "wide.png" });
    const othersItem = await createItem(borrower, { title: `${LONG_TITLE} (borrower's)` });
    const loan = await borrower.client.loans.request({
      params: { id: item.id },
      body: { startDate: dateFromToday(3), endDate: dateFromToday(5), message: LONG_MESSAGE },
    });
    await owner.client.loans.request({
      params: { id: othersItem.id },
      body: { startDate: dateFromToday(8), endDate: dateFromToday(9), message: LONG_MESSAGE },
    });
    const thread = await borrower.client.conversations.ask({
      params: { id: item.id },
      body: { body: LONG_MESSAGE },
    });
    await owner.client.favourites.save({ params: { id: othersItem.id } });
    Object.assign(ids, {
      item: item.id,
      othersItem: othersItem.id,
      loan: loan.id,
      thread: thread.id,
      borrower: borrower.id,
    });
  });

  // A report of an item and one of a message (with the thread around it), for the admin's pages.
  let reportId = "";
  test.beforeAll(async () => {
    const reporter = await createUser("Rhiannon Reportsalot-Featherstonehaugh");
    await reporter.client.reports.create({
      body: { subjectType: "item", subjectId: ids.item, reason: "other", details: LONG_MESSAGE },
    });
    const { items } = await owner.client.conversations.messages({ params: { id: ids.thread } });
    const report = await owner.client.reports.create({
      body: { subjectType: "message", subjectId: items[0]!.id, reason: "harassment", details: LONG_MESSAGE },
    });
    reportId = report.id;
  });

  test("signed out", async ({ page }) => {
    await expectAllFit(page, [
      { path: "/" },
      { path: `/?q=${encodeURIComponent("Extraordinarilylongunbrokenword")}` },
      { path: "/?near=46.2044,6.1432&radiusKm=5&sort=distance&place=Gen%C3%A8ve%2C%20CH" },
      { path: `/items/${ids.item}` },
      { path: `/people/${owner.id}` },
      { path: "/sign-in" },
      { path: "/register" },
      { path: "/forgot-password" },
      { path: "/reset-password?token=not-a-real-token" },
      { path: "/verify-email?token=not-a-real-token" },
      { path: "/unsubscribe?token=not-a-real-token" },
      { path: "/no/such/page", status: 404 },
    ]);
  });

  test("signed in, with a long name", async ({ page }) => {
    await signInByForm(page, owner.email, owner.password);
    await expectAllFit(page, [
      { path: "/" },
      { path: `/items/${ids.item}` },
      { path: `/items/${ids.othersItem}` },
      { path: "/items/new" },
      { path: `/items/${ids.item}/edit` },
      { path: "/listings" },
      { path: "/saved" },
      { path: `/people/${owner.id}` },
      { path: `/people/${ids.borrower}` },
      { path: "/loans" },
      { path: "/loans?view=owner" },
      { path: `/loans/${ids.loan}` },
      { path: "/profile" },
      { path: "/profile/notifications" },
      { path: "/profile/tokens" },
      { path: "/notifications" },
      { path: "/messages" },
      { path: `/messages/${ids.thread}` },
      { path: "/admin", status: 403 },
      { path: "/admin/reports", status: 403 },
      { path: `/items/${ids.othersItem}/edit`, status: 403 },
    ]);
  });

  test("as an admin", async ({ page }) => {
    await signInByForm(page, ADMIN.email, ADMIN.password);
    await expectAllFit(page, [
      { path: "/admin" },
      { path: "/admin/items" },
      { path: "/admin/loans" },
      { path: `/admin/loans?state=requested&item=${ids.item}` },
      { path: "/admin/reports" },
      { path: "/admin/reports?status=resolved&type=message" },
      { path: `/admin/reports/${reportId}` },
      { path: "/admin/audit" },
      { path: `/admin/audit?action=item.hidden&subject=${ids.item}&from=2026-01-01&to=2026-12-31` },
      { path: `/loans/${ids.loan}` },
    ]);
    // From 1024 px (a small laptop) the header shows its six links instead of the menu ("Saved"
    // as a heart until 1280 px), each on one line, and still fits.
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto("/");
    const links = page.getByRole("navigation", { name: "Main" }).getByRole("link");
    await expect(links).toHaveCount(6);
    for (const box of await links.evaluateAll((all) => all.map((a) => a.getBoundingClientRect().height)))
      expect(box).toBeLessThan(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  });
});
