import { NextResponse, type NextRequest } from "next/server";
import { SAVED_PAGE_SIZE } from "@/features/favourites/queries";
import { problemResponse } from "@/server/problem-response";
import { routeSession } from "@/server/signed-in-route";
import { pageWithSitePhotos } from "@/server/site-photos";

/** My saved items, most recently saved first, a page at a time ("show more" on /saved). */
export async function GET(request: NextRequest) {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;
  try {
    const page = await session.client.favourites.list({ query: { limit: SAVED_PAGE_SIZE, cursor } });
    return NextResponse.json(pageWithSitePhotos(page), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return problemResponse(error);
  }
}
