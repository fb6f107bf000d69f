import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const artifacts = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "e2e-artifacts");

/** Fails on any serious or critical axe-core violation (WCAG 2.1 A and AA rules). */
export async function expectNoSeriousA11yViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")).slice(0, 5),
    }));
  expect(serious, `axe-core violations on ${page.url()}`).toEqual([]);
}

/** Saves a full-page screenshot of a flow's main page under e2e-artifacts/ (git-ignored). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in page and waits to land where it leads. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // On a phone both "Sign out" buttons are hidden until the menu is opened.
  await expect(page.getByRole("button", { name: "Sign out", includeHidden: true }).first()).toBeAttached();
}

/** The hidden fields of the sign-in form as the page renders them (its server action's reference). */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form\b[^>]*>[\s\S]*?<\/form>/.exec(html)?.[0] ?? "";
  const decode = (value: string) =>
    value
      .replaceAll("&quot;", '"')
      .replaceAll("&#x27;", "'")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&amp;", "&");
  const fields: Record<string, string> = {};
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    if (!/\stype="hidden"/.test(tag)) continue;
    const name = /\sname="([^"]*)"/.exec(tag)?.[1];
    if (name) fields[decode(name)] = decode(/\svalue="([^"]*)"/.exec(tag)?.[1] ?? "");
  }
  return fields;
}

/**
 * Signs in as a browser without JavaScript does: the sign-in page's form, posted over HTTP to the
 * web app's own sign-in action, which sets the session cookie in the page's context. For tests
 * that need someone signed in but are not about signing in (those use `signIn`, through the page):
 * no sign-in page to load and hydrate, and no landing page to render.
 */
export async function signInByForm(page: Page, email: string, password: string): Promise<void> {
  const signInPage = await page.request.get("/sign-in");
  expect(signInPage.status(), "the sign-in page").toBe(200);
  const fields = hiddenFields(await signInPage.text());
  expect(Object.keys(fields), "the sign-in form's hidden fields").toContain("callbackUrl");
  const answer = await page.request.post("/sign-in", {
    multipart: { ...fields, email, password },
    // As a browser's form post says where it comes from (Next.js checks a server action's origin).
    headers: { origin: new URL(signInPage.url()).origin },
    maxRedirects: 0,
  });
  // 303 to where it leads once signed in; a refusal renders the form again with its alert (200).
  expect(answer.status(), `signing ${email} in`).toBe(303);
  const setCookies = answer
    .headersArray()
    .filter(({ name }) => name.toLowerCase() === "set-cookie")
    .map(({ value }) => value);
  expect(
    setCookies.some((cookie) => cookie.startsWith("sharehood.session=")),
    "a session cookie",
  ).toBe(true);
}

/**
 * What Lighthouse checks beyond axe's WCAG rules: headings descend one level at a time (no h1 to
 * h3 jump), and the page names its canonical URL, absolute and on the site's own origin.
 */
export async function expectOutlineAndCanonical(page: Page, canonicalPath: string): Promise<void> {
  const levels = await page
    .locator("h1, h2, h3, h4, h5, h6")
    .evaluateAll((headings) => headings.map((heading) => Number(heading.tagName.slice(1))));
  levels.forEach((level, index) =>
    expect(level - (levels[index - 1] ?? 0), `heading levels ${levels.join(", ")}`).toBeLessThanOrEqual(1),
  );
  const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
  // Compared as URLs: the site's root may be written with or without its trailing slash.
  expect(URL.canParse(canonical ?? "") && new URL(canonical!).href, "canonical link").toBe(
    new URL(canonicalPath, page.url()).href,
  );
}
