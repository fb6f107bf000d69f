import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import {
  ApiConnectionError,
  ApiError,
  type Item,
  type ItemPage,
  type ListItemsQuery,
  type Page,
  type SharehoodClient,
} from "@sharehood/sdk";
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

/** A page of `GET /items`, with each item's `distanceKm` near a point and the `correctedQuery` of a search. */
export async function listItems(query: ListItemsQuery): Promise<ItemPage> {
  const page = await apiClient().items.list({ query });
  return { ...page, items: page.items.map(withSitePhotos) };
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

/**
 * The days an item is taken in a window (public, never by whom); null when the Inventory API
 * could not answer, and the browser then asks again itself.
 */
export async function findAvailability(id: string, window: { from: string; to: string }) {
  try {
    return await apiClient().items.availability({ params: { id }, query: window });
  } catch (error) {
    if (error instanceof ApiError || error instanceof ApiConnectionError) return null;
    throw error;
  }
}
