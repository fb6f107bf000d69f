import { NextResponse, type NextRequest } from "next/server";
import { filtersFromParams, filtersToQuery } from "@/features/items/item-filters";
import { listItems } from "@/server/items";
import { problemResponse } from "@/server/problem-response";

/** Public item search for the browse page's React Query (the browser never calls the APIs itself). */
export async function GET(request: NextRequest) {
  const params = request.nextUrl.searchParams;
  const filters = filtersFromParams(params);
  const ownerId = params.get("ownerId") ?? undefined;
  try {
    const page = await listItems({ ...filtersToQuery(filters, params.get("cursor")), ownerId });
    return NextResponse.json(page);
  } catch (error) {
    return problemResponse(error);
  }
}
