import { NextResponse } from "next/server";
import { getUserClient } from "@/server/session";
import { problemResponse } from "@/server/problem-response";

/** One loan with its history, for the dashboard's "history" panels. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  try {
    return NextResponse.json(await session.client.loans.get({ params: { id: (await params).id } }));
  } catch (error) {
    return problemResponse(error);
  }
}
