import { expect, test } from "@playwright/test";
import { createItem, createUser, dateFromToday } from "./support/api.ts";
import { calendarDay, monthName } from "./support/calendar.ts";
import { expectNoSeriousA11yViolations, signIn } from "./support/page-helpers.ts";

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
  await signIn(page, second.email, second.password);
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
