// Seeds the demo catalogue into running services (the launcher behind `npm start` runs this once the
// APIs are ready). Prints one line.
import { pictureFor } from "./photo-art.ts";
import { seedCatalogue } from "./seed-catalogue.ts";

const result = await seedCatalogue({
  userApiUrl: process.env.USER_API_URL ?? "http://localhost:4001",
  inventoryApiUrl: process.env.INVENTORY_API_URL ?? "http://localhost:4002",
  password: process.env.DEMO_PASSWORD ?? "sharehood-demo",
  photosFor: async (listing, index) => [await pictureFor(listing, index)],
});
console.log(
  result.skipped
    ? "Demo catalogue already there (seeded on the first start)"
    : `Demo catalogue seeded: ${result.items} items from 4 neighbours, ${result.loans} loans in every state, each with its thread, and ${result.questions} question${result.questions === 1 ? "" : "s"} answered before a request`,
);
