import { NextResponse } from "next/server";
import { fetchWaitingCounts } from "@/features/loans/waiting";
import { problemResponse } from "@/server/problem-response";
import { getUserClient } from "@/server/session";

/** What waits for the signed-in person on the loans page, refreshed after each answer. */
export async function GET() {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  try {
    return NextResponse.json(await fetchWaitingCounts(session.client.loans.list), {
      headers: { "cache-control": "no-store" },
    });
  } catch (error) {
    return problemResponse(error);
  }
}
