import { expect, test, type APIRequestContext } from "@playwright/test";
import { itemETag } from "@sharehood/sdk";
import { createItem, createUser, dateFromToday, signInAgain } from "./support/api";
import { signInByForm } from "./support/page-helpers";
import { WEB_2_URL, WEB_URL } from "./support/stack";

// Anonymous public pages come from each web process's page cache (scripts/page-cache.mjs); the
// Inventory API announces each catalogue write on Redis and every process drops what it keeps.

async function fetchPage(request: APIRequestContext, url: string) {
  const response = await request.get(url);
  return { response, text: await response.text(), cache: response.headers()["x-page-cache"] };
}

test("an edit through the API shows on the cached item and browse pages of two web processes within a second", async ({
  request,
}) => {
  const owner = await createUser("Cache Owner");
  const word = `lamp${Date.now().toString(36)}`;
  const item = await createItem(owner, { title: `Reading ${word} as listed` });
  const pages = [WEB_URL, WEB_2_URL].flatMap((web) => [`${web}/items/${item.id}`, `${web}/`]);

  // Each page is rendered once, then answered from the cache of its process, and kept past the
  // one second a page lives when no change can reach the process: what makes the edit show below
  // is the announcement on Redis, not the page running out. Tried again while a process that has
  // just started is not yet watching Redis.
  await expect(async () => {
    for (const url of pages) {
      await fetchPage(request, url);
      const again = await fetchPage(request, url);
      expect(again.cache, url).toBe("hit");
      expect(again.text, url).toContain(`Reading ${word} as listed`);
      expect(again.response.headers()["cache-control"]).toMatch(
        /^public, .*s-maxage=\d+, stale-while-revalidate=\d+/,
      );
      expect(again.response.headers()["set-cookie"]).toBeUndefined();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const url of pages) expect((await fetchPage(request, url)).cache, url).toBe("hit");
  }).toPass({ timeout: 15_000 });

  // A fresh client: the tries above may have outlived the suite's 12-second access token.
  await (
    await signInAgain(owner)
  ).items.update(
    { params: { id: item.id }, body: { title: `Reading ${word} as edited` } },
    { ifMatch: itemETag(item) },
  );
  await expect
    .poll(
      async () => {
        const answers = await Promise.all(pages.map((url) => fetchPage(request, url)));
        return answers.filter((answer) => answer.text.includes(`Reading ${word} as edited`)).length;
      },
      { timeout: 1_000, intervals: [50] },
    )
    .toBe(pages.length);
});

test("a signed-in person gets the shared public pages with their own parts filled in, never marked for shared caches", async ({
  page,
}) => {
  const owner = await createUser("Cache Owner Two");
  const item = await createItem(owner, { title: "A ladder everyone sees alike" });
  const user = await createUser("Cache Reader");
  await signInByForm(page, user.email, user.password);

  for (const path of ["/", `/items/${item.id}`]) {
    await page.request.get(path);
    const response = await page.request.get(path);
    expect(response.headers()["x-page-cache"], path).toBe("hit");
    expect(response.headers()["cache-control"], path).toBe("private, no-store");
    expect(await response.text(), path).toContain('<html data-session=""');
  }
  // The person's own parts come from the browser: their name in the header, the borrow form.
  await page.goto(`/items/${item.id}`);
  await expect(page.getByRole("link", { name: /Cache Reader/ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Request to borrow" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to borrow" })).toHaveCount(0);

  // A page that is the person's own is never offered to shared caches.
  const loans = await page.request.get("/loans");
  expect(loans.status()).toBe(200);
  expect(loans.headers()["cache-control"]).toBe("private, no-store");
});

test("a person's Borrowing page is kept for their session alone, and a neighbour's request shows on it within a second on two web processes", async ({
  page,
}) => {
  const owner = await createUser("Cache Lender");
  const borrower = await createUser("Cache Borrower");
  const pages = [WEB_URL, WEB_2_URL].map((web) => `${web}/loans?view=owner`);
  const sessionCookie = async () =>
    (await page.context().cookies()).find((cookie) => cookie.name.startsWith("sharehood.session"))?.value;
  await signInByForm(page, owner.email, owner.password);

  // Another session, someone else's, gets its own page: never the owner's copy.
  await page.request.get(pages[0]!);
  const other = await page.context().browser()!.newContext();
  const borrowerPage = await other.newPage();
  await signInByForm(borrowerPage, borrower.email, borrower.password);
  const theirs = await borrowerPage.request.get(pages[0]!);
  expect(theirs.headers()["x-page-cache"]).toBe("miss");
  const theirText = await theirs.text();
  expect(theirText).toContain("Cache Borrower");
  expect(theirText).not.toContain("Cache Lender");
  await other.close();

  // The suite's sessions need a refresh 4 s after it was last refreshed, and a page is never kept
  // past that: a refresh (a new session cookie) would drop the page too. So each try checks that
  // the session stayed the same throughout, and is made again with a new item when it did not:
  // what must have dropped the kept pages is the neighbour's request.
  await expect(async () => {
    // Fresh clients each try: the suite's access tokens live 12 seconds.
    const [lender, neighbour] = await Promise.all([signInAgain(owner), signInAgain(borrower)]);
    const word = `tent${Date.now().toString(36)}`;
    const item = await createItem({ ...owner, client: lender }, { title: `Dome ${word}` });
    const session = await sessionCookie();
    for (const url of pages) {
      await page.request.get(url);
      const again = await page.request.get(url);
      expect(again.headers()["x-page-cache"], url).toBe("hit");
      expect(again.headers()["cache-control"], url).toBe("private, no-store");
      // What the proxy told the cache stays between them.
      expect(again.headers()["x-sharehood-page-owner"], url).toBeUndefined();
      expect(await again.text(), url).not.toContain(word);
    }
    await neighbour.loans.request({
      params: { id: item.id },
      body: { startDate: dateFromToday(5), endDate: dateFromToday(6) },
    });
    await expect
      .poll(
        async () => {
          const answers = await Promise.all(pages.map((url) => page.request.get(url)));
          const texts = await Promise.all(answers.map((answer) => answer.text()));
          return texts.filter((text) => text.includes(word)).length;
        },
        { timeout: 1_000, intervals: [50] },
      )
      .toBe(pages.length);
    expect(await sessionCookie(), "the same session throughout").toBe(session);
  }).toPass({ timeout: 30_000 });
});
