import { expect, test } from "@playwright/test";
import { createUser, uniqueEmail } from "./support/api.ts";
import { expectNoSeriousA11yViolations, signIn, signInByForm } from "./support/page-helpers.ts";

test("changing my email takes my current password, and then I sign in with the new one", async ({ page }) => {
  const user = await createUser("Ed Email");
  const newEmail = uniqueEmail("ed-new");
  await signInByForm(page, user.email, user.password);
  await page.goto("/profile");
  const password = page.getByLabel("Current password");
  const passwordError = page.locator("#profile-current-password-error");
  await page.getByLabel("Email", { exact: true }).fill(newEmail);

  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(passwordError).toHaveText("Enter your current password to change your email");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expectNoSeriousA11yViolations(page);

  await password.fill("not my password");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(passwordError).toHaveText("This is not your current password");

  await password.fill(user.password);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText(`Saved. You now sign in with ${newEmail}.`)).toBeVisible();
  await expect(password).toHaveValue("");
  await page.reload();
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(newEmail);

  await page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(page.getByRole("link", { name: "Sign in" }).first()).toBeVisible();
  await signIn(page, newEmail, user.password);
});

test("my name changes without my password", async ({ page }) => {
  const user = await createUser("Nia Name");
  await signInByForm(page, user.email, user.password);
  await page.goto("/profile");
  await page.getByLabel("Name", { exact: true }).fill("Nia Renamed");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Your name is now Nia Renamed.")).toBeVisible();
  await expect(page.getByRole("link", { name: /Nia Renamed/ }).first()).toBeAttached();
});
