/**
 * The variables `npm start` (start.mjs) reads for itself, declared for the configuration reference
 * (`npm run docs:config`). The others it reads, it passes on to the services, whose schemas describe
 * them. start.mjs is plain JavaScript that runs before anything is installed, so it cannot import
 * this list: keep the two in step.
 */
export const launcherVariables = [
  { name: "USER_API_PORT", description: "ports `npm start` uses", displayDefault: "4001, 4002, 4003, 3000" },
  { name: "INVENTORY_API_PORT", sameRowAs: "USER_API_PORT" },
  { name: "NOTIFICATION_API_PORT", sameRowAs: "USER_API_PORT" },
  { name: "WEB_PORT", sameRowAs: "USER_API_PORT" },
  {
    name: "USER_API_DATABASE_URL",
    description: "each API's database for `npm start` (passed on as its `DATABASE_URL`)",
    displayDefault: "embedded PGlite",
  },
  { name: "INVENTORY_API_DATABASE_URL", sameRowAs: "USER_API_DATABASE_URL" },
  { name: "NOTIFICATION_API_DATABASE_URL", sameRowAs: "USER_API_DATABASE_URL" },
  {
    name: "PUBLIC_HOST",
    description:
      "the host printed and used in links, and the public origins of the User API (avatar URLs) and the Inventory API (photo URLs)",
    displayDefault: "`localhost`, `http://localhost:4001`, `http://localhost:4002`",
  },
  { name: "USER_PUBLIC_URL", sameRowAs: "PUBLIC_HOST" },
  { name: "INVENTORY_PUBLIC_URL", sameRowAs: "PUBLIC_HOST" },
  { name: "NOTIFICATION_PUBLIC_URL", sameRowAs: "PUBLIC_HOST" },
  // Described on the User API's schema; `false` also makes the launcher skip the demo catalogue.
  { name: "SEED_DEMO_DATA" },
  {
    name: "NODE_OPTIONS",
    description:
      "Node.js's own options; `npm start` adds `--max-semi-space-size=32` for the web app, as its image does (about 30% more pages per second)",
    displayDefault: "unset",
  },
];
