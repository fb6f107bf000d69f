import { expect, test } from "@playwright/test";
import { createItem, createUser } from "./support/api.ts";

// A place of its own, far from every other spec's items (which have no position at all).
const HERE = { latitude: 46.2044, longitude: 6.1432 };

test("near me lists the closest items first, each with how far away it is", async ({ browser }) => {
  const owner = await createUser("Noor Owner");
  const tag = Date.now().toString(36);
  const titles = { near: `Near lamp ${tag}`, mid: `Middle lamp ${tag}`, far: `Far lamp ${tag}` };
  // About 0.5, 3 and 8 km north (0.009° of latitude is a kilometre).
  await createItem(owner, {
    title: titles.far,
    categoryId: "tools",
    position: { lat: HERE.latitude + 0.072, lng: HERE.longitude },
  });
  await createItem(owner, {
    title: titles.near,
    categoryId: "tools",
    position: { lat: HERE.latitude + 0.0045, lng: HERE.longitude },
  });
  await createItem(owner, {
    title: titles.mid,
    categoryId: "tools",
    position: { lat: HERE.latitude + 0.027, lng: HERE.longitude },
  });

  const context = await browser.newContext({ geolocation: HERE });
  await context.grantPermissions(["geolocation"]);
  const page = await context.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Near me" }).click();
  await expect(page).toHaveURL(/near=46\.\d+%2C6\.\d+.*sort=distance|near=46\.\d+,6\.\d+.*sort=distance/);
  await expect(
    page.getByRole("status").filter({ hasText: "Within 10 km of your location, nearest first" }),
  ).toBeVisible();

  const cards = page.getByRole("list", { name: "Items" }).getByRole("article");
  await expect(cards).toHaveCount(3);
  await expect(cards.nth(0)).toContainText(titles.near);
  await expect(cards.nth(1)).toContainText(titles.mid);
  await expect(cards.nth(2)).toContainText(titles.far);
  await expect(cards.nth(0)).toContainText(/\d00 m away/);
  await expect(cards.nth(1)).toContainText(/[23]\.\d km away/);

  // A smaller radius leaves the far one out; the link is shareable as it is.
  await page.getByLabel("Within").selectOption("5");
  await expect(cards).toHaveCount(2);
  const shared = page.url();
  const other = await browser.newPage();
  await other.goto(shared);
  await expect(other.getByRole("list", { name: "Items" }).getByRole("article")).toHaveCount(2);
  await other.close();

  // Or near a town of the offline list, picked from its suggestions (Genève is about here).
  await page.getByRole("combobox", { name: "Or near a town" }).fill("Genè");
  await page.getByRole("option", { name: /Genève/ }).click();
  await expect(page).toHaveURL(/place=Gen%C3%A8ve/);
  await expect(page.getByText("Within 5 km of Genève, CH, nearest first")).toBeVisible();
  await expect(cards).toHaveCount(2);

  // A typing mistake is searched again with the catalogue's closest word, still near the town.
  const search = page.getByRole("combobox", { name: "Search items" });
  await search.fill("lammp");
  await search.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Showing results for lamp" })).toBeVisible();
  await expect(cards).toHaveCount(2);

  // The search box suggests titles; Down and Enter open the one suggested.
  await search.fill(`Middle lamp ${tag}`.slice(0, 10));
  await expect(page.getByRole("option", { name: titles.mid })).toBeVisible();
  await search.press("ArrowDown");
  await search.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: titles.mid })).toBeVisible();
  await context.close();
});
