import { NextResponse } from "next/server";
import { problemResponse } from "@/server/problem-response";
import { loanReviewsForSite } from "@/server/profiles";
import { routeSession } from "@/server/signed-in-route";

type Context = { params: Promise<{ id: string }> };

/** A loan's reviews as its borrower or owner sees them (the loan page's review section). */
export async function GET(_request: Request, { params }: Context) {
  const session = await routeSession();
  if (session instanceof NextResponse) return session;
  try {
    const reviews = await session.client.reviews.forLoan({ params: { id: (await params).id } });
    return NextResponse.json(loanReviewsForSite(reviews), {
      headers: { "cache-control": "private, no-store" },
    });
  } catch (error) {
    return problemResponse(error);
  }
}
