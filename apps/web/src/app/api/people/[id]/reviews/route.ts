import { NextResponse, type NextRequest } from "next/server";
import { REVIEWS_PAGE_SIZE } from "@/features/reviews/queries";
import { problemResponse } from "@/server/problem-response";
import { personReviews } from "@/server/profiles";

type Context = { params: Promise<{ id: string }> };

/** More of someone's revealed reviews, for "show more" on their profile (public). */
export async function GET(request: NextRequest, { params }: Context) {
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;
  try {
    return NextResponse.json(await personReviews((await params).id, { limit: REVIEWS_PAGE_SIZE, cursor }));
  } catch (error) {
    return problemResponse(error);
  }
}
