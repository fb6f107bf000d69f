/**
 * Lists an item for lending: a write the SDK may retry safely, because it sends an Idempotency-Key
 * (one it makes up, or yours, as here, derived from your own record so that running the script
 * twice lists it once). Shows the typed errors.
 *
 *   SHAREHOOD_TOKEN=shp_… npx tsx examples/list-an-item.ts "Cordless drill" "18 V, two batteries"
 *
 * The token needs the `items:write` scope.
 */
import { SharehoodApiError, SharehoodConnectionError, SharehoodTimeoutError } from "@sharehood/sdk";
import { clientFromEnv, required } from "./client-from-env.ts";

required("SHAREHOOD_TOKEN");
const client = clientFromEnv();
const [title = "Cordless drill", description = "18 V, two batteries, a case"] = process.argv.slice(2);

const { items: categories } = await client.categories.list({});
const category = categories.find((c) => /tool/i.test(c.name)) ?? categories[0];
if (!category) throw new Error("The catalogue has no categories yet");

try {
  const item = await client.items.create(
    { body: { title, description, categoryId: category.id, condition: "good" } },
    // Same key, same item: a retry (by the SDK or by you) replays the first answer.
    { idempotencyKey: `inventory-sync:${title}`, timeoutMs: 5_000, retries: 5 },
  );
  console.log(`Listed ${item.title} as ${item.id} in ${category.name}.`);
} catch (error) {
  if (error instanceof SharehoodApiError) {
    // `code` is one of a fixed list (ERROR_CODES); `fieldErrors` says which field was wrong.
    console.error(`Refused (${error.status} ${error.code}): ${error.detail} [request ${error.requestId}]`);
    for (const field of error.fieldErrors) console.error(`  ${field.path}: ${field.message}`);
  } else if (error instanceof SharehoodTimeoutError) {
    console.error("No answer in time, even after retrying; run again (the same key lists it once).");
  } else if (error instanceof SharehoodConnectionError) {
    console.error(`Could not reach the API: ${error.message}`);
  } else {
    throw error;
  }
  process.exitCode = 1;
}
