/**
 * The variables the demo (main.ts, seed-main.ts) reads, declared for the configuration reference
 * (`npm run docs:config`). The API URLs are described on the services' schemas; the demo's own
 * defaults for them (`http://localhost:4001`, `:4002`) are the same services.
 */
export const demoVariables = [
  { name: "USER_API_URL" },
  { name: "INVENTORY_API_URL" },
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
