import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { launch } from "chrome-launcher";
import puppeteer from "puppeteer-core";
import { freePort } from "@sharehood/test-stack";
import { growCatalogue } from "../seed.ts";
import type { BenchStack } from "../stack.ts";

const CHROME = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? "/usr/bin/chromium";

/**
 * The web scenarios' setting: a catalogue of 1,000 items, the web app started on the stack and
 * Chromium. `itemId` is the newest item; `borrowed` are the next five, which the borrower who signs
 * in (signInBorrower) asks for.
 */
export async function startWebScenario(stack: BenchStack) {
  await growCatalogue(stack, 1_000);
  const [newest, ...next] = await stack.sql<{ id: string }>(
    "SELECT id FROM items WHERE deleted_at IS NULL ORDER BY created_at DESC LIMIT 6",
  );
  const web = await startWeb(stack);
  const chrome = await launchChromium();
  return { itemId: newest!.id, borrowed: next.map((item) => item.id), web, chrome };
}

/** The production build of the web app (`scripts/start.mjs`) on a free port, against the stack's APIs. */
export async function startWeb(stack: BenchStack, env: Record<string, string> = {}) {
  const port = await freePort();
  return stack.start(
    "web",
    {
      PORT: String(port),
      USER_API_URL: stack.users.url,
      INVENTORY_API_URL: stack.inventory.main.url,
      // The bell and the live stream of a signed-in page: without it they would ask the default
      // port, where nothing listens in the bench, and log errors in the browser.
      NOTIFICATION_API_URL: stack.notifications.url,
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_URL: `http://127.0.0.1:${port}`,
      // On the stack's Redis, as deployed: the page cache hears the Inventory API's catalogue changes.
      REDIS_URL: stack.redisUrl,
      REDIS_NAMESPACE: stack.namespace,
      // As the web app's image and `npm start` run it.
      NODE_OPTIONS: "--max-semi-space-size=32",
      ...env,
    },
    "apps/web/scripts/start.mjs",
    "/",
  );
}

/** Debian's Chromium, headless, for Lighthouse and for signing in through the web app's own page. */
export async function launchChromium() {
  // chrome-launcher reports a missing browser as an unhandled error event that would end the
  // process before the report of the other scenarios is written.
  if (!existsSync(CHROME))
    throw new Error(
      `no Chromium at ${CHROME}: install Debian's (apt-get install chromium) or set PLAYWRIGHT_CHROMIUM_EXECUTABLE`,
    );
  return launch({
    chromePath: CHROME,
    chromeFlags: [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

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
): Promise<string> {
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
    // The session cookie as a Cookie header, for load that acts as this person.
    const cookies = await page.cookies();
    await page.close();
    return cookies
      .filter((cookie) => /^sharehood\.session(\.\d+)?$/.test(cookie.name))
      .map((cookie) => `${cookie.name}=${cookie.value}`)
      .join("; ");
  } finally {
    await browser.disconnect();
  }
}
