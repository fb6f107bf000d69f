import { NextResponse } from "next/server";
import { problemResponse } from "@/server/problem-response";
import { getUserClient } from "@/server/session";

/** How many of the signed-in person's notifications are unread, for the bell. */
export async function GET() {
  const session = await getUserClient();
  if (!session) return NextResponse.json({ message: "Please sign in." }, { status: 401 });
  try {
    const answer = await session.client.notifications.unreadCount({});
    return NextResponse.json(answer, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return problemResponse(error);
  }
}
