import { NextResponse, type NextRequest } from "next/server";
import { loadPlaces, searchPlaces } from "@/server/places";

/**
 * `GET /api/places?q=` — towns of the offline list by name, the most populous first:
 * `{ places: [{ name, country, lat, lng }] }`. Nothing is fetched from elsewhere.
 */
export async function GET(request: NextRequest) {
  const query = (request.nextUrl.searchParams.get("q") ?? "").slice(0, 100);
  const places = query.trim() ? searchPlaces(await loadPlaces(), query) : [];
  // The list only changes with a deployment: browsers may keep an answer for a day.
  return NextResponse.json({ places }, { headers: { "cache-control": "public, max-age=86400" } });
}
