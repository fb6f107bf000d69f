import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { addPhoto, createItem, createUser } from "./support/api.ts";
import { signIn } from "./support/page-helpers.ts";

/** The CSP header of a response, directive by directive. */
function policyOf(response: APIResponse): Map<string, string[]> {
  const header = response.headers()["content-security-policy"] ?? "";
  return new Map(
    header.split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

/** The nonce of a response's script-src. */
function nonceOf(response: APIResponse): string {
  const source = policyOf(response)
    .get("script-src")
    ?.find((value) => value.startsWith("'nonce-"));
  return source?.slice("'nonce-".length, -1) ?? "";
}

/** Every <script> start tag of a page, with its attributes. */
async function scriptTags(response: APIResponse): Promise<string[]> {
  return [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
}

test("every page sends the security headers, its scripts carry the CSP nonce, a new one each time", async ({
  request,
}) => {
  const owner = await createUser("Hedda Headers");
  const item = await createItem(owner, { title: "Header test ladder" });
  for (const path of ["/", "/sign-in", `/items/${item.id}`]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const nonce = nonceOf(response);
    expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(Object.fromEntries(policyOf(response)), path).toEqual({
      "default-src": ["'self'"],
      "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"],
      "style-src": ["'self'", "'unsafe-inline'"],
      // Item photos come through this site (/photos/...), never from another origin.
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toBe(
      "accelerometer=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(self), gyroscope=(), " +
        "hid=(), magnetometer=(), microphone=(), midi=(), payment=(), serial=(), usb=()",
    );
    // AUTH_URL is http here: no HSTS (the unit tests cover https).
    expect(headers["strict-transport-security"], path).toBeUndefined();

    const scripts = await scriptTags(response);
    const inline = scripts.filter((tag) => !/\ssrc=/.test(tag));
    expect(inline.length, `${path}: Next.js's inline scripts`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  const [first, second] = await Promise.all([request.get("/"), request.get("/")]);
  expect(nonceOf(first)).not.toBe(nonceOf(second));
});

/** Records CSP violations the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return violations;
}

/** Next.js's inline scripts ran (a blocked one never defines its flight data) and the page hydrated. */
async function expectScriptsRan(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f)))
    .toBe(true);
}

test("browse, an item with a photo and sign-in run under the CSP without a violation", async ({ page }) => {
  const violations = await watchViolations(page);
  const owner = await createUser("Cleo Policy");
  const item = await createItem(owner, { title: "CSP test lantern" });
  await addPhoto(owner, item, { width: 32, height: 24, background: "#c33", name: "lantern.png" });

  await page.goto("/");
  await expectScriptsRan(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto(`/items/${item.id}`);
  await expectScriptsRan(page);
  const picture = page.getByRole("img", { name: /CSP test lantern/ }).first();
  await expect(picture).toBeVisible();
  // Loaded through this site's own /photos/ route, which img-src 'self' allows.
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

  await signIn(page, owner.email, owner.password);
  await expectScriptsRan(page);
  expect(violations).toEqual([]);
});
