/**
 * A neighbour's script: approves every pending request for their items, and explains a refusal
 * by its error code rather than by its wording.
 *
 *   SHAREHOOD_TOKEN=shp_… npx tsx examples/approve-requests.ts [--dry-run]
 *
 * The token needs the `loans:read` and `loans:write` scopes.
 */
import { SharehoodApiError } from "@sharehood/sdk";
import { clientFromEnv, required } from "./client-from-env.ts";

required("SHAREHOOD_TOKEN");
const client = clientFromEnv();
const dryRun = process.argv.includes("--dry-run");

for await (const loan of client.loans.listAll({ query: { as: "owner", status: "requested" } })) {
  const what = `${loan.borrowerName} asks for "${loan.item.title}" from ${loan.startDate} to ${loan.endDate}`;
  if (dryRun) {
    console.log(`would approve: ${what}`);
    continue;
  }
  try {
    await client.loans.approve({ params: { id: loan.id } });
    console.log(`approved: ${what}`);
  } catch (error) {
    // A conflict: the days collide with a loan already approved. Anything else is not ours to handle.
    if (error instanceof SharehoodApiError && error.code === "conflict") {
      console.log(`left pending (${error.detail}): ${what}`);
      continue;
    }
    throw error;
  }
}
