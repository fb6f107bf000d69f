/**
 * Searches the catalogue and prints every match, page after page, with an async iterator.
 *
 *   npx tsx examples/search-items.ts drill
 *
 * No token needed: browsing is public.
 */
import { clientFromEnv } from "./client-from-env.ts";

const client = clientFromEnv();
const q = process.argv[2] ?? "drill";
let count = 0;
for await (const item of client.items.listAll({ query: { q, limit: 50 } })) {
  console.log(`${item.id}  ${item.title}  (${item.condition}, lent by ${item.owner.name})`);
  // Leaving the loop stops the walk: no further page is asked for.
  if (++count === 200) break;
}
console.log(count === 0 ? `Nothing matches "${q}".` : `${count} item(s).`);
