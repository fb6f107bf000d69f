import { createClient, itemETag, type CreateItemBody, type Item, type SharehoodClient } from "@sharehood/sdk";
import sharp from "sharp";
import { ADMIN, INVENTORY_API_URL, USER_API_URL } from "./stack.ts";

/** A person created for a test, with an SDK client acting as them (for setting up data fast). */
export interface TestUser {
  id: string;
  name: string;
  email: string;
  password: string;
  client: SharehoodClient;
}

let counter = 0;
const runId = process.env.E2E_RUN_ID ?? "local";

/** A unique email for this run. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${runId}-${process.pid}-${counter}@example.test`.toLowerCase();
}

function clientFor(token?: string): SharehoodClient {
  return createClient({ userApiUrl: USER_API_URL, inventoryApiUrl: INVENTORY_API_URL, token });
}

/** Registers someone through the User API (tests that are about registering use the UI instead). */
export async function createUser(name: string): Promise<TestUser> {
  const email = uniqueEmail(name.split(" ")[0] ?? "user");
  const password = "correct horse battery";
  const result = await clientFor().auth.register({ body: { email, password, name } });
  return { id: result.user.id, name, email, password, client: clientFor(result.accessToken) };
}

/** Signs the first admin in through the User API. */
export async function adminClient(): Promise<SharehoodClient> {
  const result = await clientFor().auth.login({ body: { email: ADMIN.email, password: ADMIN.password } });
  return clientFor(result.accessToken);
}

/** Lists an item as this person. */
export async function createItem(user: TestUser, overrides: Partial<CreateItemBody> = {}): Promise<Item> {
  return user.client.items.create({
    body: {
      title: "Test item",
      description: "Something to lend in an end-to-end test.",
      categoryId: "tools",
      condition: "good",
      location: "Test Street",
      ...overrides,
    },
  });
}

/** `YYYY-MM-DD`, `days` from today (UTC, as the Inventory API counts). */
export function dateFromToday(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** Uploads a one-colour PNG of this size as the item's photo; answers the item with it. */
export async function addPhoto(
  owner: TestUser,
  item: Item,
  photo: { width: number; height: number; background: string; name: string },
): Promise<Item> {
  const { width, height, background, name } = photo;
  const bytes = await sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();
  return owner.client.items.uploadPhotos(
    { params: { id: item.id }, files: [new File([new Uint8Array(bytes)], name, { type: "image/png" })] },
    { ifMatch: itemETag(item) },
  );
}
