import { NextResponse, type NextRequest } from "next/server";
import { apiClient } from "@/server/api-client";
import { problemResponse } from "@/server/problem-response";

/** Titles starting with what was typed (`?q=`), for the search box's suggestions. */
export async function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get("q") ?? "").trim().slice(0, 100);
  if (!q) return NextResponse.json({ suggestions: [] });
  try {
    return NextResponse.json(await apiClient().items.suggest({ query: { q, limit: 8 } }));
  } catch (error) {
    return problemResponse(error);
  }
}
