import { expect, type Locator, type Page } from "@playwright/test";
import { formatDay } from "@sharehood/sdk/contract";

const MONTH = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** "Mon 7 Dec 2026", as the calendar and every page name a day (`YYYY-MM-DD`): the SDK's formatDay. */
export const dayName = formatDay;

/** "December 2026", as the calendar names a month. */
export function monthName(date: Date): string {
  return MONTH.format(date);
}

/**
 * The item page's calendar, turned to the month of `date` with its "Next month" button; answers
 * that day's cell (a button when the calendar is the date picker), found by its accessible name.
 */
export async function calendarDay(page: Page, date: string): Promise<Locator> {
  const month = MONTH.format(new Date(`${date}T00:00:00Z`));
  const region = page.getByRole("region", { name: "When it's free" });
  for (let step = 0; step < 13; step += 1) {
    if (await region.getByRole("grid", { name: month }).isVisible()) break;
    await region.getByRole("button", { name: "Next month" }).click();
  }
  const grid = region.getByRole("grid", { name: month });
  await expect(grid).toBeVisible();
  return grid.getByLabel(new RegExp(`^${dayName(date)},`));
}
