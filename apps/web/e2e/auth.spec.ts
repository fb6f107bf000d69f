import { expect, test, type Page } from "@playwright/test";
import { createUser } from "./support/api.ts";
import { saveScreenshot, signIn, signInByForm } from "./support/page-helpers.ts";
import { ACCESS_TOKEN_TTL_SECONDS, AUTH_REFRESH_MARGIN_SECONDS, WEB_PORT } from "./support/stack.ts";

test("a wrong password is refused with a clear message", async ({ page }) => {
  const user = await createUser("Wanda Wrong");
  await page.goto("/sign-in");
  // axe: /sign-in is checked once, in phone/page-widths.spec.ts.
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
});

test("the API tokens never reach the browser: only an httpOnly session cookie", async ({ page, context }) => {
  const user = await createUser("Tina Token");
  await signIn(page, user.email, user.password);
  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === "sharehood.session");
  expect(session?.httpOnly).toBe(true);
  expect(await page.evaluate(() => document.cookie)).not.toContain("sharehood.session");
  const html = await page.content();
  for (const cookie of cookies) expect(html).not.toContain(cookie.value);
  expect((await page.request.get("/api/auth/session")).status()).toBe(404);
});

test("the session survives the access token expiring: the server refreshes it", async ({ page }) => {
  test.setTimeout(90_000);
  const user = await createUser("Rex Refresh");
  await signInByForm(page, user.email, user.password);
  await page.goto("/loans");
  await expect(page.getByRole("heading", { name: "You haven't asked to borrow anything yet" })).toBeVisible();
  // First past the access token's whole lifetime: only a refresh keeps the session. Then only past
  // the refresh margin, which is when the web app refreshes: the second refresh spends the refresh
  // token the first one rotated.
  const waits = [ACCESS_TOKEN_TTL_SECONDS + 2, ACCESS_TOKEN_TTL_SECONDS - AUTH_REFRESH_MARGIN_SECONDS + 1];
  for (const [round, seconds] of waits.entries()) {
    await page.waitForTimeout(seconds * 1000);
    await page.goto("/profile");
    await page.getByLabel("Name").fill(`Rex Refreshed ${round}`);
    await page.getByRole("button", { name: "Save changes" }).click();
    await expect(page.getByText(`Your name is now Rex Refreshed ${round}.`)).toBeVisible();
  }
  await expect(page.getByRole("link", { name: /Rex Refreshed 1/ }).first()).toBeAttached();
});

test("signing out ends the session here and at the API", async ({ page, context }) => {
  const user = await createUser("Otto Out");
  await signInByForm(page, user.email, user.password);
  await page.goto("/profile");
  // axe: /profile is checked once, in phone/page-widths.spec.ts.
  await saveScreenshot(page, "profile");
  const signedInCookies = await context.cookies();

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await page.goto("/loans");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Floans/);

  // Replaying the old cookie gets nowhere: the token inside it was revoked at the User API.
  await context.addCookies(signedInCookies);
  const replay = await page.request.get("/api/loans?as=borrower");
  expect(replay.status()).toBe(401);
});

test("deleting my account takes my password, signs me out and the account is gone", async ({ page }) => {
  const user = await createUser("Dora Delete");
  await signInByForm(page, user.email, user.password);
  await page.goto("/profile");
  const password = page.getByLabel("Your password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Please confirm that you want to delete your account")).toBeVisible();
  await expect(page.getByText("Enter your password to delete your account")).toBeVisible();
  await page.getByLabel(/I understand/).check();
  await password.fill("not my password");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.locator("#delete-current-password-error")).toHaveText(
    "This is not your current password",
  );
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await password.fill(user.password);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await signInFails(page, user.email, user.password);
});

async function signInFails(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
}

test("signing in from a protected page comes back to it", async ({ page }) => {
  const user = await createUser("Cara Callback");
  await page.goto("/listings");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/listings$/);
  await expect(page.getByRole("heading", { level: 1, name: "My listings" })).toBeVisible();
});

test("a signed-in person sent to sign-in with another site as the way back stays on this site", async ({
  page,
}) => {
  const user = await createUser("Otis Redirect");
  await signInByForm(page, user.email, user.password);
  // Browsers drop tabs and newlines from URLs and read a backslash as "/": each of these would
  // take the browser to evil.example. Redirects are not followed: nothing leaves this machine.
  const targets = [
    "/\t/evil.example",
    "/%09/evil.example",
    "/%5Cevil.example",
    "/%2F%2Fevil.example",
    "//evil.example",
  ];
  for (const target of targets) {
    const response = await page.request.get(`/sign-in?callbackUrl=${encodeURIComponent(target)}`, {
      maxRedirects: 0,
    });
    expect(response.status(), target).toBe(307);
    expect(response.headers().location, target).toBe("/");
  }
});

test("signing in at another address of the site than AUTH_URL's ends signed in there", async ({ page }) => {
  const user = await createUser("Lan Localhost");
  // AUTH_URL is http://127.0.0.1:<port>; the same server answers at localhost (a phone on the LAN
  // would use yet another address).
  const other = `http://localhost:${WEB_PORT}`;
  await page.goto(`${other}/sign-in?callbackUrl=%2Flistings`);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${other}/listings`);
  await expect(page.getByRole("heading", { level: 1, name: "My listings" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page).toHaveURL(`${other}/`);
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
});
