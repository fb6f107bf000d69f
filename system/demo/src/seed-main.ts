// Seeds the demo catalogue into running services (the launcher behind `npm start` runs this once the
// APIs are ready). Prints one line.
import { avatarFor } from "./avatar-art.ts";
import { DEMO_TOWN } from "./catalogue.ts";
import { pictureFor } from "./photo-art.ts";
import { seedCatalogue } from "./seed-catalogue.ts";

const result = await seedCatalogue({
  userApiUrl: process.env.USER_API_URL ?? "http://localhost:4001",
  inventoryApiUrl: process.env.INVENTORY_API_URL ?? "http://localhost:4002",
  password: process.env.DEMO_PASSWORD ?? "sharehood-demo",
  photosFor: async (listing, index) => [await pictureFor(listing, index)],
  avatarFor,
});
console.log(
  result.skipped
    ? "Demo catalogue already there (seeded on the first start)"
    : `Demo catalogue seeded: ${result.profiles} neighbours with profiles and avatars, ${result.items} items around ${DEMO_TOWN.name} (some with their owners' rules), ${result.loans} loans in every state, each with its thread, ${result.reviews} reviews of returned loans, and ${result.questions} question${result.questions === 1 ? "" : "s"} answered before a request`,
);
if (result.calendarUrl)
  console.log(`Bob's loans as a calendar feed (subscribe in any calendar app): ${result.calendarUrl}`);
