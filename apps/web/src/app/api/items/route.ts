import { NextResponse, type NextRequest } from "next/server";
import { filtersFromParams, filtersToQuery } from "@/features/items/item-filters";
import { listItems, listOwnItems } from "@/server/items";
import { getUserClient } from "@/server/session";
import { problemResponse } from "@/server/problem-response";

/** Public item search for the browse page's React Query (the browser never calls the APIs itself). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const filters = filtersFromParams(params);
  const ownerId = params.get("ownerId") ?? undefined;
  // My own listings come with my token, so that the items moderators hid are among them.
  const session = ownerId ? await getUserClient() : null;
  try {
    const query = filtersToQuery(filters, params.get("cursor"));
    const page =
      session && session.viewer.id === ownerId
        ? await listOwnItems(session.client, ownerId, query)
        : await listItems({ ...query, ownerId });
    return NextResponse.json(page);
  } catch (error) {
    return problemResponse(error);
  }
}
