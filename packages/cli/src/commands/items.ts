import type { ItemDetail, ListedItem, ListItemsQuery } from "@sharehood/sdk";
import type { Context } from "../context.ts";
import type { Column } from "../output/table.ts";
import { readPages } from "../pages.ts";

export interface ListItemsOptions {
  q?: string;
  category?: string;
  near?: { lat: number; lng: number };
  radius?: number;
  sort?: ListItemsQuery["sort"];
  owner?: string;
  limit?: number;
  cursor?: string;
  all?: boolean;
}

const itemColumns = (withDistance: boolean): Column<ListedItem>[] => [
  { header: "ID", cell: (item) => item.id, whole: true },
  { header: "TITLE", cell: (item) => item.title },
  { header: "CATEGORY", cell: (item) => item.categoryId },
  { header: "CONDITION", cell: (item) => item.condition },
  { header: "OWNER", cell: (item) => item.owner.name },
  ...(withDistance
    ? [{ header: "KM", cell: (item: ListedItem) => item.distanceKm?.toFixed(1), align: "right" as const }]
    : []),
  { header: "LOCATION", cell: (item) => item.location },
];

/** `sharehood items list` and `items search`: one page, or `--all` of them. Public: no token needed. */
export async function listItems(context: Context, options: ListItemsOptions): Promise<void> {
  const client = context.clientWith(context.settings.token);
  const near = options.near ? `${options.near.lat},${options.near.lng}` : undefined;
  const query: ListItemsQuery = {
    q: options.q,
    category: options.category,
    near,
    radiusKm: options.radius,
    sort: options.sort,
    ownerId: options.owner,
    limit: options.all ? (options.limit ?? 100) : options.limit,
  };
  let corrected: string | undefined;
  const page = await readPages(async (cursor) => {
    const answer = await client.items.list({ query: { ...query, cursor } });
    corrected ??= answer.correctedQuery;
    return answer;
  }, options);
  if (corrected) context.note(`Showing results for "${corrected}"`);
  const value = corrected ? { ...page, correctedQuery: corrected } : page;
  context.table(value, itemColumns(Boolean(near)), page.items, "No items found.");
  if (!context.json && page.nextCursor)
    context.note(`More items: add --cursor ${page.nextCursor} (or --all)`);
}

/** `sharehood items show <id>`. */
export async function showItem(context: Context, id: string): Promise<void> {
  const client = context.clientWith(context.settings.token);
  const item: ItemDetail = await client.items.get({ params: { id } });
  const bookings = item.bookings.map((booking) => `${booking.startDate} → ${booking.endDate}`).join(", ");
  context.fields(
    item,
    [
      ["Id", item.id],
      ["Title", item.title],
      ["Category", item.categoryId],
      ["Condition", item.condition],
      ["Owner", `${item.owner.name} (${item.owner.id})`],
      ["Location", item.location],
      ["Position", item.position ? `${item.position.lat},${item.position.lng}` : null],
      ["Paused", item.paused ? "yes" : "no"],
      ["Booked", bookings || "nothing yet"],
      ["Photos", item.photos.length],
      ["Listed", item.createdAt],
    ],
    item.description,
  );
}

export interface CreateItemOptions {
  title: string;
  description: string;
  category: string;
  condition: string;
  location?: string;
  position?: { lat: number; lng: number };
}

/** `sharehood items create`: lists an item as the signed-in person (scope `items:write`). */
export async function createItem(context: Context, options: CreateItemOptions): Promise<void> {
  const item = await context.client().items.create(
    {
      body: {
        title: options.title,
        description: options.description,
        categoryId: options.category,
        // The API checks the word and names the allowed ones if it is wrong.
        condition: options.condition as "good",
        location: options.location,
        position: options.position,
      },
    },
    // The SDK sends a generated Idempotency-Key, so a retried create lists the item once.
  );
  context.result(item, () => `Listed "${item.title}" as ${item.id}.`);
}
