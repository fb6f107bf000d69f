import puppeteer from "puppeteer-core";
import type { BenchStack } from "../stack.ts";

const PASSWORD = "bench borrowing password";

/**
 * Someone who has asked to borrow a few things, signed in through the web app's own sign-in page
 * in the Chromium that Lighthouse drives, so its session cookie (httpOnly, as a person's would be)
 * is in that browser for the signed-in pages. Lighthouse clears caches and storage between runs,
 * never cookies.
 */
export async function signInBorrower(
  stack: BenchStack,
  webUrl: string,
  chromePort: number,
  itemIds: readonly string[],
): Promise<void> {
  const email = `bench-borrower-${Date.now().toString(36)}@example.test`;
  const registered = await stack
    .client()
    .auth.register({ body: { email, password: PASSWORD, name: "Bea Borrower" } });
  const client = stack.client(registered.accessToken);
  const from = new Date(Date.now() + 7 * 86_400_000);
  for (const [index, id] of itemIds.entries()) {
    const day = (offset: number) =>
      new Date(from.getTime() + (index * 3 + offset) * 86_400_000).toISOString().slice(0, 10);
    await client.loans.request({
      params: { id },
      body: { startDate: day(0), endDate: day(1), message: "Could I borrow it for the weekend?" },
    });
  }

  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chromePort}` });
  try {
    const page = await browser.newPage();
    await page.goto(`${webUrl}/sign-in?callbackUrl=%2Floans`);
    await page.type("#field-email", email);
    await page.type("#field-password", PASSWORD);
    await page.click("main button[type=submit]");
    // The sign-in action answers with the session cookie and a client-side move to /loans.
    await page
      // A string: it runs in the page, and this package has no DOM types.
      .waitForFunction('location.pathname === "/loans"', { timeout: 30_000 })
      .catch(() => {
        throw new Error(`signing in through the web app failed: still on ${page.url()}`);
      });
    await page.close();
  } finally {
    await browser.disconnect();
  }
}
