import { NextResponse } from "next/server";
import { problemResponse } from "@/server/problem-response";
import { routeSession } from "@/server/signed-in-route";

/**
 * The ids of every item I saved, read once per page by the browser to mark the hearts on cards
 * and item pages (those pages are the same for everybody). Never kept by any cache.
 */
export async function GET() {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  try {
    return NextResponse.json(await session.client.favourites.ids({}), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return problemResponse(error);
  }
}
