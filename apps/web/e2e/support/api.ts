import { itemETag, type CreateItemBody, type Item, type SharehoodClient } from "@sharehood/sdk";
import { connectTo, inDays, listItem, signIn, signUp, type Neighbour } from "@sharehood/test-stack/fixtures";
import sharp from "sharp";
import { ADMIN, INVENTORY_API_URL, USER_API_URL } from "./stack.ts";

/** A person created for a test, with an SDK client acting as them (for setting up data fast). */
export type TestUser = Neighbour;

let counter = 0;
const runId = process.env.E2E_RUN_ID ?? "local";
const connect = connectTo({ userApiUrl: USER_API_URL, inventoryApiUrl: INVENTORY_API_URL });

/** A unique email for this run. */
export function uniqueEmail(prefix: string): string {
  counter += 1;
  return `${prefix}-${runId}-${process.pid}-${counter}@example.test`.toLowerCase();
}

/** Registers someone through the User API (tests that are about registering use the UI instead). */
export function createUser(name: string): Promise<TestUser> {
  const email = uniqueEmail(name.split(" ")[0] ?? "user");
  return signUp(connect, { email, name, password: "correct horse battery" });
}

/**
 * A fresh SDK client for someone created earlier: the suite's access tokens live 12 seconds,
 * so a test that acted in the browser for a while signs in again before calling an API.
 */
export async function signInAgain(user: TestUser): Promise<SharehoodClient> {
  return (await signIn(connect, { email: user.email, password: user.password })).client;
}

/** Signs the first admin in through the User API. */
export async function adminClient(): Promise<SharehoodClient> {
  return (await signIn(connect, { email: ADMIN.email, password: ADMIN.password })).client;
}

/** Lists an item as this person. */
export function createItem(user: TestUser, overrides: Partial<CreateItemBody> = {}): Promise<Item> {
  return listItem(user.client, {
    title: "Test item",
    description: "Something to lend in an end-to-end test.",
    location: "Test Street",
    ...overrides,
  });
}

/** `YYYY-MM-DD`, `days` from today (UTC, as the Inventory API counts). */
export const dateFromToday = inDays;

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
