import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ApiError, type Item, type ListItemsQuery, type Page, type SharehoodClient } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";
import { pageWithSitePhotos, withSitePhotos } from "@/server/site-photos";

// Every item that reaches a page or the browser passes through here or withSitePhotos: its photo
// URLs are paths on this site (see site-photos.ts).

/** One item with its bookings, once per request; null when there is no such item. */
export const findItem = cache(async (id: string) => {
  try {
    return withSitePhotos(await apiClient().items.get({ params: { id } }));
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
});

/** One item with its bookings (the page and its metadata share it). None → the 404 page. */
export async function getItem(id: string) {
  return (await findItem(id)) ?? notFound();
}

/** A page of `GET /items`. */
export async function listItems(query: ListItemsQuery): Promise<Page<Item>> {
  return pageWithSitePhotos(await apiClient().items.list({ query }));
}

/**
 * A page of the signed-in person's own items, asked for with their token: the Inventory API then
 * answers the items moderators hid too, with why (never cached, unlike the public list).
 */
export async function listOwnItems(
  client: SharehoodClient,
  ownerId: string,
  query: Omit<ListItemsQuery, "ownerId">,
): Promise<Page<Item>> {
  return pageWithSitePhotos(await client.items.list({ query: { ...query, ownerId } }));
}
