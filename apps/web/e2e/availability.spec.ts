import { expect, test } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { calendarDay, monthName } from "./support/calendar.ts";
import { expectNoSeriousA11yViolations, signInByForm } from "./support/page-helpers.ts";

test("the calendar shows the taken days and the date picker refuses them and the owner's rules", async ({
  page,
}) => {
  const owner = await createUser("Ada Owner");
  const first = await createUser("Finn First");
  const item = await createItem(owner, {
    title: `Pressure washer ${Date.now().toString(36)}`,
    categoryId: "tools",
    minDays: 2,
    maxDays: 7,
    noticeDays: 1,
    blockedRanges: [{ start: dateFromToday(20), end: dateFromToday(21) }],
  });
  const loan = await first.client.loans.request({
    params: { id: item.id },
    body: { startDate: dateFromToday(5), endDate: dateFromToday(7) },
  });
  await owner.client.loans.approve({ params: { id: loan.id } });

  const second = await createUser("Sia Second");
  await signInByForm(page, second.email, second.password);
  await page.goto(`/items/${item.id}`);
  const rules = page.getByRole("list", { name: "The owner's rules" });
  await expect(rules).toContainText("Lent for 2–7 days");
  await expect(rules).toContainText("Needs a day's notice");

  // Booked and blocked days are both "taken", never by whom.
  await expect(await calendarDay(page, dateFromToday(6))).toHaveAccessibleName(/, taken/);
  await expect(await calendarDay(page, dateFromToday(20))).toHaveAccessibleName(/, taken/);
  await expectNoSeriousA11yViolations(page);

  const from = page.getByLabel("From");
  const until = page.getByLabel("Until");
  // A taken day, and today (inside the notice), cannot be picked.
  await expect(await calendarDay(page, dateFromToday(6))).toBeDisabled();
  await expect(await calendarDay(page, dateFromToday(0))).toBeDisabled();
  // After a start, a day past the booking cannot end the loan: it starts again there.
  await (await calendarDay(page, dateFromToday(3))).click();
  await expect(from).toHaveValue(dateFromToday(3));
  await (await calendarDay(page, dateFromToday(9))).click();
  await expect(from).toHaveValue(dateFromToday(9));
  await expect(until).toHaveValue("");
  // One day is shorter than the owner's two.
  await (await calendarDay(page, dateFromToday(9))).click();
  await expect(until).toHaveValue("");

  // Typed dates over the booking are refused beside the form, in plain words.
  await from.fill(dateFromToday(4));
  await until.fill(dateFromToday(6));
  await page.getByRole("button", { name: "Request to borrow" }).click();
  await expect(page.locator("#borrow-error")).toHaveText(
    "Some of those days are already taken. Pick other dates.",
  );

  await (await calendarDay(page, dateFromToday(10))).click();
  await (await calendarDay(page, dateFromToday(12))).click();
  await expect(from).toHaveValue(dateFromToday(10));
  await expect(until).toHaveValue(dateFromToday(12));
  await page.getByRole("button", { name: "Request to borrow" }).click();
  await expect(page.getByText("Request sent")).toBeVisible();
});

test("the calendar is worked with the keyboard", async ({ page }) => {
  const owner = await createUser("Kai Owner");
  const item = await createItem(owner, { title: "Ladder", categoryId: "tools" });
  await page.goto(`/items/${item.id}`);
  const today = await calendarDay(page, dateFromToday(0));
  await today.focus();
  await page.keyboard.press("ArrowDown");
  await expect(await calendarDay(page, dateFromToday(7))).toBeFocused();
  await page.keyboard.press("PageDown");
  const [year = 0, month = 1] = dateFromToday(7).split("-").map(Number);
  await expect(page.getByRole("grid", { name: monthName(new Date(Date.UTC(year, month, 1))) })).toBeVisible();
});

test("the owner sets rules, blocked days and a town on the edit page, and the item page says them", async ({
  page,
}) => {
  const owner = await createUser("Rosa Rules");
  const item = await createItem(owner, { title: "Wallpaper steamer", categoryId: "tools" });
  await signInByForm(page, owner.email, owner.password);
  await page.goto(`/items/${item.id}/edit`);
  await page.getByRole("switch", { name: "Pause this item" }).check();
  await page.getByLabel("Shortest loan (days)").fill("9");
  await page.getByLabel("Longest loan (days)").fill("7");
  await page.getByLabel("Notice (days)").fill("2");
  await page.getByRole("button", { name: "Add days to block" }).click();
  await page.getByLabel("Blocked from (range 1)").fill(dateFromToday(8));
  await page.getByLabel("until (range 1)").fill(dateFromToday(9));
  const town = page.getByRole("combobox", { name: "Or pick a town" });
  // Far from the near-me spec's items, which share the database.
  await town.fill("Reykjav");
  await page.getByRole("option", { name: /Reykjavík/ }).click();
  await expect(page.getByText(/^Reykjavík, IS \(64\.13\d, -21\.89\d\)$/)).toBeVisible();
  await expect(page.getByText("stored rounded to about 250 m", { exact: false })).toBeVisible();

  // A shortest loan longer than the longest is refused beside its field.
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#field-minDays-error")).toHaveText("Must not be more than the longest loan");
  await page.getByLabel("Shortest loan (days)").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();

  await expect(page.getByText("Your changes are saved.")).toBeVisible();
  const rules = page.getByRole("list", { name: "The owner's rules" });
  await expect(rules).toContainText("Paused by the owner: not taking requests");
  await expect(rules).toContainText("Lent for 2–7 days");
  await expect(rules).toContainText("Needs 2 days' notice");
  await expect(await calendarDay(page, dateFromToday(8))).toHaveAccessibleName(/, taken/);
  // Stored rounded near the town's centre (64.13548, -21.89541), never further than the grid allows.
  const { position } = await owner.client.items.get({ params: { id: item.id } });
  expect(Math.abs(position!.lat - 64.13548)).toBeLessThan(0.003);
  expect(Math.abs(position!.lng - -21.89541)).toBeLessThan(0.006);
});
