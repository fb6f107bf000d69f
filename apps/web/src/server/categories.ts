import "server-only";
import type { Category } from "@sharehood/sdk";
import { apiClient } from "@/server/api-client";

const TTL_MS = 5 * 60_000;
let cached: { categories: Category[]; until: number } | undefined;

/**
 * The categories, remembered for a few minutes: they are reference data and every page with a
 * card needs their names. An unreachable API gives an empty list, so pages still render.
 */
export async function getCategories(): Promise<Category[]> {
  if (cached && cached.until > Date.now()) return cached.categories;
  try {
    const page = await apiClient().categories.list({});
    cached = { categories: page.items, until: Date.now() + TTL_MS };
    return page.items;
  } catch (error) {
    console.warn("web: could not load categories", error);
    return cached?.categories ?? [];
  }
}
