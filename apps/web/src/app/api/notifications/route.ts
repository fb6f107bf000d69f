import { NextResponse, type NextRequest } from "next/server";
import { NOTIFICATIONS_PAGE_SIZE } from "@/features/notifications/queries";
import { problemResponse } from "@/server/problem-response";
import { getUserClient } from "@/server/session";

/** A page of the signed-in person's notifications, newest first, for the notifications page. */
export async function GET(request: NextRequest) {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  const cursor = request.nextUrl.searchParams.get("cursor") ?? undefined;
  try {
    const page = await session.client.notifications.list({
      query: { cursor, limit: NOTIFICATIONS_PAGE_SIZE },
    });
    return NextResponse.json(page, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error);
  }
}
