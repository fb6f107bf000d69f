import { NextResponse, type NextRequest } from "next/server";
import { getUserClient } from "@/server/session";
import { problemResponse } from "@/server/problem-response";

/** The signed-in person's loans, for the dashboard's React Query. */
export async function GET(request: NextRequest) {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const params = request.nextUrl.searchParams;
  const as = params.get("as") === "owner" ? "owner" : "borrower";
  try {
    const page = await session.client.loans.list({
      query: { as, cursor: params.get("cursor") ?? undefined, limit: 50 },
    });
    return NextResponse.json(page);
  } catch (error) {
    return problemResponse(error);
  }
}
