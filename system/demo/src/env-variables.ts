/**
 * The variables the demo (main.ts, seed-main.ts) reads, declared for the configuration reference
 * (`npm run docs:config`). The API URLs are described on the services' schemas; the demo's own
 * defaults for them (`http://localhost:4001`, `:4002`, `:4003`) are the same services.
 */
export const demoVariables = [
  { name: "USER_API_URL" },
  { name: "INVENTORY_API_URL" },
  { name: "NOTIFICATION_API_URL" },
  // Described on the Notification API's schema: with it set, the demo does not look for .eml files.
  { name: "SMTP_URL" },
  // Described on the services' schema: the demo finds the emails `npm start` wrote under it.
  { name: "DATA_DIR" },
  {
    name: "DEMO_ADMIN_EMAIL",
    description: "the admin `npm run demo` signs in as",
    displayDefault: "`admin@example.com`, `sharehood-demo`",
  },
  { name: "DEMO_ADMIN_PASSWORD", sameRowAs: "DEMO_ADMIN_EMAIL" },
  {
    name: "DEMO_PASSWORD",
    description: "the demo neighbours' password, for seeding the catalogue",
    displayDefault: "`sharehood-demo`",
  },
];
