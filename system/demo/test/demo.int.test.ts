import { inventoryApiService } from "@sharehood/inventory-api/service";
import { notificationApiService } from "@sharehood/notification-api/service";
import { startInProcessStack, type InProcessStack } from "@sharehood/test-stack";
import { userApiService } from "@sharehood/user-api/service";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runDemo } from "../src/story.ts";

describe("the demo walkthrough", () => {
  let stack: InProcessStack;
  beforeAll(async () => {
    stack = await startInProcessStack("demo", {
      users: userApiService,
      inventory: inventoryApiService,
      notifications: notificationApiService,
    });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const addresses = () => ({
    userApiUrl: stack.users.url,
    inventoryApiUrl: stack.inventory.url,
    notificationApiUrl: stack.notifications?.url ?? "",
    smtpUrl: undefined,
    mailDir: stack.mailDir ?? "",
  });

  it("tells the whole story against the real APIs, every step behaving as described", async () => {
    const lines: string[] = [];
    const options = {
      ...addresses(),
      adminEmail: "admin@example.com",
      adminPassword: "admin-password",
      log: (line: string) => lines.push(line),
    };
    const first = await runDemo(options);
    const story = lines.join("\n");

    expect(
      first.steps.filter((step) => step.status !== "passed"),
      story,
    ).toEqual([]);
    expect(first.ok).toBe(true);
    expect(first.steps).toHaveLength(16);
    for (const [index, step] of first.steps.entries())
      expect(story).toContain(`✔ ${index + 1}. ${step.title}`);
    expect(story).toMatch(/Register and log in two neighbours/);
    expect(story).toMatch(/lists two things/);
    expect(story).toMatch(/browses without signing in.*searching "drill" finds "Cordless drill"/);
    expect(story).toMatch(
      /asks Olivia a question about the drill first.*reached Olivia's inbox \(1 unread\)/,
    );
    expect(story).toMatch(/Ben: "[^"]+" \(seen\)\n\s+Olivia: "[^"]+"/);
    expect(story).toMatch(
      /asks to borrow the drill.*"requested".*\n.*loan's own thread opens with Ben's message/,
    );
    expect(story).toMatch(/Olivia is told about the request.*in Olivia's notifications \(1 unread\)/);
    expect(story).toMatch(/the email was written to .*\.eml/);
    expect(story).toMatch(/approve his own request.*refused with 403 forbidden: "[^"]+"/);
    expect(story).toMatch(/rename Olivia's drill.*refused with 403 forbidden: "[^"]+"/);
    expect(story).toMatch(/hands the drill over.*"active"/);
    expect(story).toMatch(
      /within 2 km, nearest first — Olivia's things within 2 km: "Cordless drill" \d+(\.\d)? km/,
    );
    expect(story).toMatch(
      /two days longer.*a month more: refused with 422 unprocessable[\s\S]*asked, approved; the loan now ends/,
    );
    expect(story).toMatch(/loans in his calendar — .*\/calendar\/[\w-]+\.ics serves \d+ events/);
    expect(story).toMatch(
      /both review, and the reviews show — the drill is "returned"; Ben's review stayed hidden until Olivia wrote hers, then both show\n\s+on Olivia's profile: ★+ from Ben: "[^"]+"\n\s+on Ben's profile: ★+ from Olivia: "[^"]+"/,
    );
    expect(story).toMatch(/admin cancels another loan.*"cancelled"/);
    expect(story).toMatch(/invalid token is refused[\s\S]*refused with 401 unauthenticated/);
    expect(story).toMatch(/All 16 steps behaved as described\./);

    // A second run against the same databases must work too: every run signs up new neighbours.
    const second = await runDemo({ ...options, log: () => undefined });
    expect(second.ok).toBe(true);
  }, 120_000);

  it("fails, saying why, when the admin cannot sign in", async () => {
    const lines: string[] = [];
    const result = await runDemo({
      ...addresses(),
      adminEmail: "admin@example.com",
      adminPassword: "not-the-password",
      log: (line) => lines.push(line),
    });
    expect(result.ok).toBe(false);
    expect(result.steps.map((step) => step.status)).toEqual([
      ...Array(14).fill("passed"),
      "failed",
      "passed",
    ]);
    expect(lines.join("\n")).toMatch(
      /✘ 15\. An admin cancels another loan.* — the admin admin@example\.com could not sign in .*401 unauthenticated: /,
    );
  }, 120_000);
});
