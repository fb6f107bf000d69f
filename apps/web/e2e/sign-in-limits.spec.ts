import { expect, test, type Browser, type Page } from "@playwright/test";
import { createUser, uniqueEmail } from "./support/api.ts";
import { LOGIN_MAX_FAILURES_PER_EMAIL, LOGIN_MAX_FAILURES_PER_IP } from "./support/stack.ts";

// The web app trusts X-Forwarded-For from loopback (TRUST_PROXY), so each browser context here
// stands behind a proxy that names its person's address. Fresh addresses for every attempt of
// the test: a retry must not find the limits of the last one.
const someAddress = (prefix: string) => `${prefix}.${1 + Math.floor(Math.random() * 250)}`;
const TOO_MANY = /Too many attempts\. Try again in \d+ minutes?\./;

async function personAt(browser: Browser, address: string): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": address } });
  return context.newPage();
}

/** Submits the sign-in form and answers the alert it shows, or "signed in". */
async function trySignIn(page: Page, email: string, password: string): Promise<string> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const signedIn = page.getByRole("button", { name: "Sign out" }).first();
  // Inside main: Next.js's route announcer, outside it, is an alert too.
  const alert = page.getByRole("main").getByRole("alert");
  await expect(signedIn.or(alert)).toBeVisible();
  return (await signedIn.isVisible()) ? "signed in" : ((await alert.textContent()) ?? "");
}

test("one address guessing passwords is stopped; people at other addresses still sign in", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const [victim, bystander, other] = await Promise.all([
    createUser("Vic Victim"),
    createUser("Bea Bystander"),
    createUser("Oona Other"),
  ]);
  const attacker = await personAt(browser, someAddress("203.0.113"));
  const neighbour = await personAt(browser, someAddress("198.51.100"));

  // The attacker guesses the victim's password until the User API stops answering for that account.
  for (let attempt = 1; attempt <= LOGIN_MAX_FAILURES_PER_EMAIL; attempt += 1) {
    expect(await trySignIn(attacker, victim.email, `guess ${attempt}`)).toContain("do not match");
  }
  // At that moment, someone at another address signs in to their own account.
  const [locked, signedIn] = await Promise.all([
    trySignIn(attacker, victim.email, "guess again"),
    trySignIn(neighbour, bystander.email, bystander.password),
  ]);
  expect(locked).toMatch(TOO_MANY);
  expect(signedIn).toBe("signed in");

  // The attacker moves on to other accounts (here, addresses nobody registered) until its own
  // address is stopped: then even a right password for another account is refused from there...
  let answer = "";
  for (let attempt = 1; attempt <= LOGIN_MAX_FAILURES_PER_IP + 2 && !TOO_MANY.test(answer); attempt += 1) {
    answer = await trySignIn(attacker, uniqueEmail("nobody"), "guess");
  }
  expect(answer).toMatch(TOO_MANY);
  expect(await trySignIn(attacker, other.email, other.password)).toMatch(TOO_MANY);
  // ...while that account's owner, at their own address, signs in.
  const owner = await personAt(browser, someAddress("192.0.2"));
  expect(await trySignIn(owner, other.email, other.password)).toBe("signed in");
});
