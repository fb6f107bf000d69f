import { NextResponse, type NextRequest } from "next/server";
import { getUserClient } from "@/server/session";
import { problemResponse } from "@/server/problem-response";

/** Users for the admin page (the User API checks `user.list`). */
export async function GET(request: NextRequest) {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const params = request.nextUrl.searchParams;
  try {
    const page = await session.client.users.list({
      query: { q: params.get("q") || undefined, cursor: params.get("cursor") || undefined, limit: 25 },
    });
    return NextResponse.json(page);
  } catch (error) {
    return problemResponse(error);
  }
}
