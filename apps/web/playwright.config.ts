import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import {
  ACCESS_TOKEN_TTL_SECONDS,
  ADMIN,
  AUTH_REFRESH_MARGIN_SECONDS,
  E2E_REDIS_URL,
  INVENTORY_API_PORT,
  INVENTORY_API_URL,
  INVENTORY_PUBLIC_URL,
  INVENTORY_DATABASE_URL,
  LOGIN_MAX_FAILURES_PER_EMAIL,
  NOTIFICATION_API_PORT,
  NOTIFICATION_API_URL,
  NOTIFICATIONS_DATABASE_URL,
  OTLP_URL,
  LOGIN_MAX_FAILURES_PER_IP,
  USER_API_PORT,
  USER_API_URL,
  USERS_DATABASE_URL,
  WEB_2_PORT,
  WEB_2_URL,
  WEB_PORT,
  WEB_URL,
} from "./e2e/support/stack.ts";
import { E2E_SMTP_URL } from "./e2e/support/mailbox.ts";

// Debian's Chromium where it exists (Playwright cannot download browsers on every machine);
// PLAYWRIGHT_CHROMIUM_EXECUTABLE overrides it, and an empty value means Playwright's own.
const chromium =
  process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : "");

// One Redis namespace per run, shared by the APIs so revocations and events reach the others.
// Workers inherit the environment, so they see the same value the main process chose.
process.env.E2E_RUN_ID ??= `e2e${Date.now().toString(36)}`;
const namespace = `sharehood-${process.env.E2E_RUN_ID}`;

// Shared by the web app and the User API: the web app signs each person's address with it.
const serviceSecret = `e2e-service-secret-${process.env.E2E_RUN_ID}-0123456789abcdef`;

const common = {
  NODE_ENV: "production",
  LOG_LEVEL: "warn",
  REDIS_URL: E2E_REDIS_URL,
  REDIS_NAMESPACE: namespace,
  // Tracing on everywhere, as in production, but no trace started by the stack itself: only a
  // request with a sampled `traceparent` is traced (e2e/tracing.spec.ts sends one and receives
  // the spans at OTLP_URL), and its spans are sent within a fifth of a second.
  OTEL_EXPORTER_OTLP_ENDPOINT: OTLP_URL,
  OTEL_TRACES_SAMPLER_ARG: "0",
  OTEL_BSP_SCHEDULE_DELAY: "200",
};

export default defineConfig({
  testDir: "e2e",
  // A real SMTP server for the run; the specs read what the Notification API sent it.
  globalSetup: "./e2e/support/mailbox-setup.ts",
  outputDir: "test-results",
  fullyParallel: false,
  // One spec at a time by default: on two cores the suite is CPU-bound, and two workers measured
  // no faster in CI (10.5 min either way) while each test ran up to three times slower. Every spec
  // works with people and items of its own, so E2E_WORKERS=2 works on a bigger machine; the
  // page-cache spec, which counts cache hits that anyone's catalogue write would drop, then runs
  // alone after the others (the "cache" project).
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report is what tooling/scripts/test-summary.mjs adds to the closing count.
  reporter: [
    ["list"],
    ["json", { outputFile: ".test-results/playwright.json" }],
    ...(process.env.CI ? [["html", { open: "never" }] as const] : []),
  ],
  use: {
    baseURL: WEB_URL,
    // Recording a trace costs every test its snapshots; in CI only a retry records one.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromium || undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    {
      name: "desktop",
      testIgnore: [/phone\//, /page-cache\.spec\.ts$/],
      use: { ...devices["Desktop Chrome"] },
    },
    // A 390 px touch phone (Chromium's Pixel 7, narrowed to the width of most phones in use):
    // the main flows once, and every page's width at 320 and 390 px (e2e/phone/).
    {
      name: "phone",
      testMatch: /phone\/.*\.spec\.ts$/,
      use: {
        ...devices["Pixel 7"],
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
      },
    },
    {
      name: "cache",
      testMatch: /page-cache\.spec\.ts$/,
      dependencies: ["desktop", "phone"],
      use: { ...devices["Desktop Chrome"] },
    },
  ],
  webServer: [
    {
      name: "user-api",
      command: "node --import tsx e2e/support/run-service.ts user-api",
      url: `${USER_API_URL}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        ...common,
        PORT: String(USER_API_PORT),
        DATABASE_URL: USERS_DATABASE_URL,
        MIGRATE_ON_START: "true",
        SEED_DEMO_DATA: "false",
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
        ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
        REGISTER_MAX_PER_IP: "10000",
        LOGIN_MAX_FAILURES_PER_EMAIL: String(LOGIN_MAX_FAILURES_PER_EMAIL),
        LOGIN_MAX_FAILURES_PER_IP: String(LOGIN_MAX_FAILURES_PER_IP),
        SERVICE_SECRET: serviceSecret,
      },
    },
    {
      name: "inventory-api",
      command: "node --import tsx e2e/support/run-service.ts inventory-api",
      url: `${INVENTORY_API_URL}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        ...common,
        PORT: String(INVENTORY_API_PORT),
        DATABASE_URL: INVENTORY_DATABASE_URL,
        USER_API_URL,
        MIGRATE_ON_START: "true",
        PUBLIC_URL: INVENTORY_PUBLIC_URL,
        PUBLIC_WEB_URL: WEB_URL,
      },
    },
    {
      name: "notification-api",
      command: "node --import tsx e2e/support/run-service.ts notification-api",
      url: `${NOTIFICATION_API_URL}/readyz`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "ignore",
      env: {
        ...common,
        PORT: String(NOTIFICATION_API_PORT),
        DATABASE_URL: NOTIFICATIONS_DATABASE_URL,
        USER_API_URL,
        MIGRATE_ON_START: "true",
        SMTP_URL: E2E_SMTP_URL,
        PUBLIC_WEB_URL: WEB_URL,
        PUBLIC_URL: NOTIFICATION_API_URL,
        NOTIFICATION_SIGNING_SECRET: `e2e-signing-secret-${process.env.E2E_RUN_ID}-0123456789abcdef`,
        EMAIL_POLL_SECONDS: "0.5",
        EMAIL_RETRY_DELAY_SECONDS: "1",
        // The webhook spec's receiver listens on 127.0.0.1, inside the test.
        WEBHOOKS_ALLOW_PRIVATE_TARGETS: "true",
      },
    },
    // Two web processes on the same APIs and Redis, as two replicas: the page-cache spec edits
    // through one and reads through both. The second starts once the first has built the app.
    ...[
      { name: "web", port: WEB_PORT, url: WEB_URL },
      { name: "web-2", port: WEB_2_PORT, url: WEB_2_URL },
    ].map(({ name, port, url }) => ({
      name,
      command: "node --import tsx e2e/support/run-service.ts web",
      url: `${url}/robots.txt`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: "ignore" as const,
      env: {
        ...common,
        PORT: String(port),
        USER_API_URL,
        INVENTORY_API_URL,
        NOTIFICATION_API_URL,
        AUTH_SECRET: `e2e-secret-${process.env.E2E_RUN_ID}-0123456789abcdef`,
        AUTH_URL: WEB_URL,
        AUTH_REFRESH_MARGIN_SECONDS: String(AUTH_REFRESH_MARGIN_SECONDS),
        SERVICE_SECRET: serviceSecret,
        // The browsers stand as the trusted proxy: a test names its person's address in
        // X-Forwarded-For, and the web app believes it only from loopback.
        TRUST_PROXY: "loopback",
      },
    })),
  ],
});
