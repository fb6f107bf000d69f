import { expect, test, type Page } from "@playwright/test";
import { ApiError } from "@sharehood/sdk";
import { createUser, signInAgain, uniqueEmail } from "./support/api.ts";
import { emailsTo, linksTo, linkTo, waitForEmail } from "./support/mailbox.ts";
import { expectNoSeriousA11yViolations, saveScreenshot, signIn } from "./support/page-helpers.ts";

// The account emails end to end: the User API emits the event, the Notification API sends the
// email to the suite's SMTP server (support/mailbox.ts), and the person follows its link here.

/** The path and query of an emailed link, opened on this suite's web app whatever host it names. */
function onThisSite(link: URL | undefined): string {
  expect(link, "a link in the email").toBeDefined();
  return `${link!.pathname}${link!.search}`;
}

async function askForResetLink(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If an account exists for that address, we've sent it a link")).toBeVisible();
}

test("forgot password: the emailed link sets a new password, ends the old sessions, and works once", async ({
  page,
}) => {
  const user = await createUser("Fran Forgetful");
  const newPassword = "a brand new passphrase";

  // An address with no account gets the very same answer, and no email.
  const nobody = uniqueEmail("nobody");
  await askForResetLink(page, nobody);
  await expectNoSeriousA11yViolations(page);

  await askForResetLink(page, user.email);
  const email = await waitForEmail(user.email, { matches: linksTo("/reset-password") });
  const link = linkTo(email, "/reset-password");
  expect(link?.searchParams.get("token")).toBeTruthy();
  expect(await emailsTo(nobody)).toEqual([]);

  await page.goto(onThisSite(link));
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill("something else entirely");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.locator("#field-confirmPassword-error")).toHaveText("Type the same password twice");

  // A session open elsewhere, working until the reset (access tokens here live 12 seconds).
  const elsewhere = await signInAgain(user);
  await expect(elsewhere.users.getMe({})).resolves.toMatchObject({ email: user.email });
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reset=done$/);
  await expect(page.getByText("Your new password is set")).toBeVisible();
  await saveScreenshot(page, "password-reset-done");

  // Every session of the account ended, the one open elsewhere included.
  const stillSignedIn = await elsewhere.users.getMe({}).then(
    () => true,
    (error: unknown) => !(error instanceof ApiError && error.status === 401),
  );
  expect(stillSignedIn, "the old session still works").toBe(false);

  // The old password no longer opens the account; the new one does.
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That email and password do not match an account.")).toBeVisible();
  await signIn(page, user.email, newPassword);

  // The link was spent.
  await page.goto(onThisSite(link));
  await page.getByLabel("New password", { exact: true }).fill("yet another passphrase");
  await page.getByLabel("New password again").fill("yet another passphrase");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("This link has expired or was already used.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Send me a new link" })).toBeVisible();
});

test("a new account confirms its email from the emailed link, and can ask for the link again", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("vera");
  await page.goto("/register");
  await page.getByLabel("Your name").fill("Vera Verify");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: "Sign out", includeHidden: true }).first()).toBeAttached();

  // Registering sends the first link; the profile says the address is not confirmed yet.
  const first = await waitForEmail(email, { matches: linksTo("/verify-email") });
  expect(linkTo(first, "/verify-email")?.searchParams.get("token")).toBeTruthy();
  await page.goto("/profile");
  const notice = page.getByRole("region", { name: "Please confirm your email address" });
  await expect(notice).toBeVisible();
  // axe: the profile with its notice is checked once, in phone/page-widths.spec.ts.

  const before = (await emailsTo(email)).length;
  await notice.getByRole("button", { name: "Send the link again" }).click();
  await expect(notice.getByText(`We've sent a new link to ${email}.`)).toBeVisible();
  const again = await waitForEmail(email, { matches: linksTo("/verify-email"), after: before });
  const link = linkTo(again, "/verify-email");

  await page.goto(onThisSite(link));
  await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await page.goto("/profile");
  await expect(page.getByRole("heading", { name: "Profile", level: 1 })).toBeVisible();
  await expect(notice).toHaveCount(0);

  // Opened again: good news for the person it belongs to; signed out, a way to get a new one.
  await page.goto(onThisSite(link));
  await expect(page.getByRole("heading", { name: "Already confirmed" })).toBeVisible();
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(onThisSite(link));
  await expect(strangerPage.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await expect(strangerPage.getByRole("link", { name: "Sign in to get a new link" })).toBeVisible();
  await stranger.close();
});
